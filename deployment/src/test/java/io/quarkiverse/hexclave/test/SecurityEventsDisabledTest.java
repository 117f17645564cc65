package io.quarkiverse.hexclave.test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/** {@code quarkus.security.events.enabled=false}: no security event at all, ours included, whoever observes. */
class SecurityEventsDisabledTest {

    @RegisterExtension
    static final QuarkusUnitTest app = HexclaveTestApp.create("security-events-disabled", GreetingEndpoint.class,
            ApiKeyEndpoint.class, SecurityEventCollector.class)
            .overrideRuntimeConfigKey("quarkus.hexclave.secret-server-key", SharedEmulator.secretServerKey());

    @Inject
    SecurityEventCollector events;

    @AfterEach
    void reset() {
        SharedEmulator.fault("reset");
    }

    @Test
    void noEventIsFired() {
        given().auth().oauth2(SharedEmulator.normalToken()).get("/greet").then().statusCode(200);
        given().auth().oauth2(SharedEmulator.token(HostileToken.EXPIRED)).get("/greet").then().statusCode(401);
        String key = SharedEmulator.userKey(SharedEmulator.userAndToken()[0])[1];
        SharedEmulator.admin("api-status 503");
        given().header("x-hexclave-api-key", key).get("/keys/me").then().statusCode(503);
        SharedEmulator.fault("reset");
        given().header("x-hexclave-api-key", key).get("/keys/me").then().statusCode(200);

        assertThat(events.all()).isEmpty();
    }
}
