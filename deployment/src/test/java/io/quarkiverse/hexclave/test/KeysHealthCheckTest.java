package io.quarkiverse.hexclave.test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/**
 * With quarkus-smallrye-health and {@code quarkus.hexclave.health.enabled}, readiness follows the signing keys: down
 * while none can be had, up once cached.
 */
class KeysHealthCheckTest {

    @RegisterExtension
    static final QuarkusUnitTest app = HexclaveTestApp.create("health", GreetingEndpoint.class);

    @AfterEach
    void restoreKeys() {
        SharedEmulator.fault("reset");
    }

    @Test
    void readinessIsDownWithoutKeysAndUpOnceFetched() {
        SharedEmulator.fault("jwks-down");
        given().get("/q/health/ready").then().statusCode(503)
                .body("checks.name", hasItem("Hexclave signing keys"))
                .body("checks.find { it.name == 'Hexclave signing keys' }.status", equalTo("DOWN"));

        SharedEmulator.fault("reset");
        // Probes share the key fetch's rate limit: the next fetch waits out the failure back-off (1 s here).
        HexclaveTestApp.untilStatus(200, () -> given().get("/q/health/ready").statusCode());
        given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'Hexclave signing keys' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'Hexclave signing keys' }.data.keys", greaterThan(0));
    }
}
