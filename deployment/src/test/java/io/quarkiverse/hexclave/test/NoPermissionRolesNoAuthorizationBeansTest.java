package io.quarkiverse.hexclave.test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.hexclave.runtime.authorization.HexclaveGrants;
import io.quarkus.arc.Arc;
import io.quarkus.test.QuarkusUnitTest;

/** An application whose role checks name built-in roles only gets no permission cache and makes no permission call. */
class NoPermissionRolesNoAuthorizationBeansTest {

    @RegisterExtension
    static final QuarkusUnitTest app = HexclaveTestApp.create("authorization", GreetingEndpoint.class)
            .overrideRuntimeConfigKey("quarkus.hexclave.secret-server-key", SharedEmulator.secretServerKey());

    @Test
    void noPermissionBeanAndNoCall() {
        assertThat(Arc.container().instance(HexclaveGrants.class).isAvailable()).isFalse();
        long before = SharedEmulator.projectPermissionCalls();
        String token = SharedEmulator.normalToken();
        given().auth().oauth2(token).get("/greet/roles").then().statusCode(200);
        given().auth().oauth2(token).get("/greet").then().statusCode(200);
        assertThat(SharedEmulator.projectPermissionCalls() - before).isZero();
    }
}
