package io.quarkiverse.hexclave.test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/**
 * Without {@code quarkus.hexclave.health.enabled}, quarkus-smallrye-health has no Hexclave check: a Hexclave outage
 * does not take the instance out of rotation.
 */
class KeysHealthCheckOptInTest {

    @RegisterExtension
    static final QuarkusUnitTest app = HexclaveTestApp.create("keys-unavailable", GreetingEndpoint.class);

    @AfterEach
    void restoreKeys() {
        SharedEmulator.fault("reset");
    }

    @Test
    void readinessIgnoresHexclaveByDefault() {
        SharedEmulator.fault("jwks-down");
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.name", not(hasItem("Hexclave signing keys")));
    }
}
