package io.quarkiverse.hexclave.test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.TimeUnit;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkiverse.hexclave.client.HexclaveClient;
import io.quarkiverse.hexclave.client.error.UserNotFoundException;
import io.quarkus.test.QuarkusUnitTest;

/**
 * With quarkus-micrometer present, the extension's meters count what happens: verifications by outcome and reason,
 * keys unavailable, verified-token cache lookups, key fetches with their duration, API calls by operation and status.
 * No tag holds a token or a user id. The meters are read from the application's registry.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MetricsTest {

    /** The application's meter registry (quarkus-micrometer adds it to the global one the extension writes to). */
    public static class Registry {
        @Produces
        @Singleton
        SimpleMeterRegistry registry() {
            return new SimpleMeterRegistry();
        }
    }

    @RegisterExtension
    static final QuarkusUnitTest app = HexclaveTestApp.create("metrics", GreetingEndpoint.class, Registry.class)
            .overrideRuntimeConfigKey("quarkus.hexclave.secret-server-key", SharedEmulator.secretServerKey());

    @Inject
    SimpleMeterRegistry registry;

    @Inject
    HexclaveClient client;

    @AfterEach
    void restoreKeys() {
        SharedEmulator.fault("reset");
    }

    @Test
    @Order(1)
    void keysUnavailableAndFailedFetchesAreCountedThenTheFetchThatWorks() {
        String token = SharedEmulator.normalToken();
        SharedEmulator.fault("jwks-down");
        given().auth().oauth2(token).get("/greet").then().statusCode(503);

        assertThat(verifications("keys_unavailable", "none")).isGreaterThanOrEqualTo(1);
        Timer failed = registry.find("hexclave.jwks.fetches").tag("outcome", "failure").timer();
        assertThat(failed.count()).isGreaterThanOrEqualTo(1);
        assertThat(failed.totalTime(TimeUnit.NANOSECONDS)).isPositive();

        SharedEmulator.fault("reset");
        HexclaveTestApp.untilStatus(200, () -> given().auth().oauth2(token).get("/greet").statusCode());
        Timer fetched = registry.find("hexclave.jwks.fetches").tag("outcome", "success").timer();
        assertThat(fetched.count()).isGreaterThanOrEqualTo(1);
        assertThat(fetched.totalTime(TimeUnit.NANOSECONDS)).isPositive();
    }

    @Test
    @Order(2)
    void verificationsByOutcomeAndReasonAndTheCache() {
        double accepted = verifications("accepted", "none");
        double expired = verifications("rejected", "expired");
        double badSignature = verifications("rejected", "bad_signature");
        double hits = cacheLookups("hit");
        double misses = cacheLookups("miss");
        String token = SharedEmulator.normalToken();

        given().auth().oauth2(token).get("/greet").then().statusCode(200);
        given().auth().oauth2(token).get("/greet").then().statusCode(200);
        given().auth().oauth2(SharedEmulator.token(HostileToken.EXPIRED)).get("/greet").then().statusCode(401);
        given().auth().oauth2(SharedEmulator.token(HostileToken.FOREIGN_KEY)).get("/greet").then().statusCode(401);

        assertThat(verifications("accepted", "none")).isEqualTo(accepted + 2);
        assertThat(verifications("rejected", "expired")).isEqualTo(expired + 1);
        assertThat(verifications("rejected", "bad_signature")).isEqualTo(badSignature + 1);
        // the first sight of the good token is a miss, the second a hit
        assertThat(cacheLookups("hit")).isEqualTo(hits + 1);
        assertThat(cacheLookups("miss")).isGreaterThanOrEqualTo(misses + 1);
        // every reason is there from the start, at zero until it happens
        assertThat(registry.find("hexclave.token.verifications").tag("reason", "wrong_audience").counter()).isNotNull();
    }

    @Test
    @Order(3)
    void apiCallsByOperationAndStatusWithoutIds() {
        String[] user = SharedEmulator.userAndToken();
        client.users().get(user[0]);
        assertThatThrownBy(() -> client.users().get("00000000-0000-4000-8000-000000000000"))
                .isInstanceOf(UserNotFoundException.class);

        Timer ok = registry.find("hexclave.api.calls").tags("operation", "GET /users/{id}", "status", "200",
                "outcome", "SUCCESS").timer();
        assertThat(ok.count()).isEqualTo(1);
        assertThat(ok.totalTime(TimeUnit.NANOSECONDS)).isPositive();
        Timer notFound = registry.find("hexclave.api.calls").tags("operation", "GET /users/{id}", "outcome",
                "CLIENT_ERROR").timer();
        assertThat(notFound.count()).isEqualTo(1);
        assertThat(notFound.getId().getTag("status")).startsWith("4");

        for (Meter meter : registry.find("hexclave.api.calls").meters()) {
            assertThat(meter.getId().getTag("operation")).doesNotContain(user[0]).doesNotContain("00000000");
        }
    }

    @Test
    @Order(4)
    void noTagHoldsATokenOrAUserId() {
        String[] user = SharedEmulator.userAndToken();
        given().auth().oauth2(user[1]).get("/greet").then().statusCode(200);
        client.users().get(user[0]);
        assertThat(registry.getMeters()).filteredOn(m -> m.getId().getName().startsWith("hexclave."))
                .isNotEmpty()
                .allSatisfy(m -> assertThat(m.getId().getTags()).extracting(Tag::getValue)
                        .noneMatch(v -> v.contains(user[0]) || v.contains("eyJ")));
    }

    private double verifications(String outcome, String reason) {
        Counter c = registry.find("hexclave.token.verifications").tags("outcome", outcome, "reason", reason).counter();
        assertThat(c).as("hexclave.token.verifications{outcome=%s,reason=%s}", outcome, reason).isNotNull();
        return c.count();
    }

    private double cacheLookups(String result) {
        Counter c = registry.find("hexclave.token.cache.lookups").tag("result", result).counter();
        assertThat(c).as("hexclave.token.cache.lookups{result=%s}", result).isNotNull();
        return c.count();
    }
}
