package io.quarkiverse.hexclave.test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/** Hexclave's keys unreachable and none cached: 503, never 401 and never let in; recovers when keys come back. */
class KeysUnavailableTest {

    @RegisterExtension
    static final QuarkusUnitTest app = HexclaveTestApp.create("keys-unavailable", GreetingEndpoint.class);

    @AfterEach
    void restoreKeys() {
        SharedEmulator.fault("reset");
    }

    @Test
    void genuineTokenGets503WhileKeysAreDownThen200() {
        String token = SharedEmulator.normalToken();
        SharedEmulator.fault("jwks-down");
        given().auth().oauth2(token).get("/greet")
                .then().statusCode(503).header("WWW-Authenticate", nullValue()).header("Retry-After", equalTo("10"))
                .header("Cache-Control", equalTo("no-store"))
                .body(emptyString());
        given().auth().oauth2(token).get("/greet/public").then().statusCode(503);

        SharedEmulator.fault("reset");
        // The next key fetch waits out the failure back-off (1 s here): 503 until then, never 401.
        HexclaveTestApp.untilStatus(200, () -> given().auth().oauth2(token).get("/greet").statusCode());
        given().auth().oauth2(token).get("/greet").then().statusCode(200);
    }
}
