package io.quarkiverse.hexclave.test;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.hexclave.runtime.authorization.HexclaveAuthorization;
import io.quarkiverse.hexclave.runtime.authorization.HexclaveGrants;
import io.quarkus.arc.Arc;
import io.quarkus.cache.CacheManager;
import io.quarkus.test.QuarkusUnitTest;

/**
 * An application that only refers to {@link HexclaveAuthorization} (here through {@code Instance<…>}, no permission
 * role, no team-permission annotation) keeps the authorization beans and their Quarkus caches.
 */
class AuthorizationReferredToKeepsItsCachesTest {

    @Path("/lookup")
    public static class LookupEndpoint {

        @Inject
        Instance<HexclaveAuthorization> authorization;

        @GET
        public String available() {
            return String.valueOf(authorization.isResolvable());
        }
    }

    @RegisterExtension
    static final QuarkusUnitTest app = HexclaveTestApp.create("authorization", LookupEndpoint.class);

    @Test
    void theBeansAndTheCachesAreThere() {
        assertThat(Arc.container().instance(HexclaveAuthorization.class).isAvailable()).isTrue();
        assertThat(Arc.container().instance(CacheManager.class).get().getCacheNames())
                .containsAll(HexclaveGrants.CACHE_NAMES);
        io.restassured.RestAssured.get("/lookup").then().statusCode(200).body(org.hamcrest.Matchers.is("true"));
    }
}
