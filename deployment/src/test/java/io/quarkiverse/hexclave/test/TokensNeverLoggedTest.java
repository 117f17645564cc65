package io.quarkiverse.hexclave.test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/**
 * With DEBUG logging of the extension and the core, good and bad tokens of every kind pass through, and no log record
 * contains a token. The log assertion runs when the application stops.
 */
class TokensNeverLoggedTest {

    @RegisterExtension
    static final QuarkusUnitTest app = HexclaveTestApp.create("debug-logging",
            logs -> assertThat(logs).as("the extension logged at DEBUG")
                    .anyMatch(r -> r.getLoggerName() != null && r.getLoggerName().startsWith("io.quarkiverse.hexclave")),
            GreetingEndpoint.class);

    @Test
    void everyKindOfTokenPassesWithoutBeingLogged() {
        for (HostileToken t : HostileToken.values()) {
            String token = SharedEmulator.token(t);
            given().auth().oauth2(token).get("/greet").then().statusCode(t == HostileToken.NONE ? 200 : 401);
            given().header("x-hexclave-access-token", token).get("/greet");
            given().header("Authorization", "Bearer stackauth_" + token).get("/greet").then().statusCode(401);
        }
    }
}
