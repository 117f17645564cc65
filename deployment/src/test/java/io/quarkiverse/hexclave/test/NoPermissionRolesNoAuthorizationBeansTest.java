package io.quarkiverse.hexclave.test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.hexclave.runtime.authorization.HexclaveGrants;
import io.quarkus.arc.Arc;
import io.quarkus.cache.CacheManager;
import io.quarkus.test.QuarkusUnitTest;

/**
 * An application whose role checks name built-in roles only (and that never refers to {@code HexclaveAuthorization}: this
 * test does not either, or it would keep them)
 * gets no permission bean, no Quarkus cache for permissions (none built at start-up) and makes no permission call.
 */
class NoPermissionRolesNoAuthorizationBeansTest {

    @RegisterExtension
    static final QuarkusUnitTest app = HexclaveTestApp.create("authorization", GreetingEndpoint.class)
            .overrideRuntimeConfigKey("quarkus.hexclave.secret-server-key", SharedEmulator.secretServerKey());

    @Test
    void noPermissionBeanAndNoCall() {
        assertThat(Arc.container().instance(HexclaveGrants.class).isAvailable()).isFalse();
        assertThat(Arc.container().instance(CacheManager.class).get().getCacheNames())
                .doesNotContainAnyElementsOf(HexclaveGrants.CACHE_NAMES);
        long before = SharedEmulator.projectPermissionCalls();
        String token = SharedEmulator.normalToken();
        given().auth().oauth2(token).get("/greet/roles").then().statusCode(200);
        given().auth().oauth2(token).get("/greet").then().statusCode(200);
        assertThat(SharedEmulator.projectPermissionCalls() - before).isZero();
    }
}
