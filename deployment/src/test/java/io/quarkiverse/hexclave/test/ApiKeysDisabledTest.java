package io.quarkiverse.hexclave.test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/**
 * API keys are opt-in: by default (here {@code application-authorization.properties}, which does not turn them on) a
 * key is not looked at (never a pass), tokens still work.
 */
class ApiKeysDisabledTest {

    @RegisterExtension
    static final QuarkusUnitTest app = HexclaveTestApp.create("authorization", ApiKeyEndpoint.class)
            .overrideRuntimeConfigKey("quarkus.hexclave.secret-server-key", SharedEmulator.secretServerKey());

    @Test
    void keyIsIgnoredAndTheCallerIsAnonymous() {
        String[] userAndToken = SharedEmulator.userAndToken();
        String key = SharedEmulator.admin("user-key " + userAndToken[0]).split(" ", 2)[1];

        given().header("x-hexclave-api-key", key).get("/keys/me").then().statusCode(401)
                .header("WWW-Authenticate", equalTo("Bearer"));
        given().auth().oauth2(userAndToken[1]).get("/keys/me").then().statusCode(200);
    }
}
