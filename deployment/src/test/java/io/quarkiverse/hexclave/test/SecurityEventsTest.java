package io.quarkiverse.hexclave.test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkiverse.hexclave.apikey.HexclaveApiKeyPrincipal;
import io.quarkiverse.hexclave.runtime.security.HexclaveAuthMechanism;
import io.quarkiverse.hexclave.runtime.security.HexclaveKeysUnavailableEvent;
import io.quarkiverse.hexclave.verifier.Challenge;
import io.quarkiverse.hexclave.verifier.HexclavePrincipal;
import io.quarkiverse.hexclave.verifier.RejectionReason;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.spi.runtime.AuthenticationFailureEvent;
import io.quarkus.security.spi.runtime.AuthenticationSuccessEvent;
import io.quarkus.security.spi.runtime.SecurityEvent;
import io.quarkus.test.QuarkusUnitTest;
import io.vertx.ext.web.RoutingContext;

/**
 * The Quarkus security events of Hexclave authentication: success with the Hexclave principal (token or API key),
 * failure with the rejection reason on Quarkus' {@code AuthenticationFailedException}, and
 * {@link HexclaveKeysUnavailableEvent} when a credential could not be checked; none holds the credential.
 * <p>
 * The keys-unavailable test runs first: once the application has the signing keys, it keeps serving them through an
 * outage.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SecurityEventsTest {

    @RegisterExtension
    static final QuarkusUnitTest app = HexclaveTestApp.create("security-events", GreetingEndpoint.class,
            ApiKeyEndpoint.class, SecurityEventCollector.class)
            .overrideRuntimeConfigKey("quarkus.hexclave.secret-server-key", SharedEmulator.secretServerKey());

    @Inject
    SecurityEventCollector events;

    @BeforeEach
    void clear() {
        events.clear();
    }

    @AfterEach
    void reset() {
        SharedEmulator.fault("reset");
    }

    @Test
    @Order(1)
    void keysUnavailableFiresItsEventBesideTheFailure() {
        String token = SharedEmulator.normalToken();
        SharedEmulator.fault("jwks-down");
        given().auth().oauth2(token).get("/greet").then().statusCode(503);

        List<HexclaveKeysUnavailableEvent> unavailable = events.of(HexclaveKeysUnavailableEvent.class);
        assertThat(unavailable).hasSize(1);
        HexclaveKeysUnavailableEvent event = unavailable.get(0);
        assertThat(event.credential()).isEqualTo(HexclaveKeysUnavailableEvent.Credential.ACCESS_TOKEN);
        assertThat(event.status()).isEqualTo(503);
        assertThat(event.getSecurityIdentity()).isNull();
        assertThat(event.getEventProperties()).containsKey(RoutingContext.class.getName());
        AuthenticationFailedException failure = onlyFailure();
        assertThat(failure.getAttributes()).doesNotContainKey(HexclaveAuthMechanism.REJECTION_REASON_KEY);
        assertThat(((Challenge) failure.getAttribute(HexclaveAuthMechanism.CHALLENGE_KEY)).status()).isEqualTo(503);
        assertNothingSecret(token);

        // The same token in the cookie: the request goes on anonymous, with no failure event, but the event tells.
        events.clear();
        HexclaveTestApp.withSessionCookies(token).get("/greet/public").then().statusCode(200);
        assertThat(events.of(HexclaveKeysUnavailableEvent.class)).hasSize(1);
        assertThat(events.of(AuthenticationFailureEvent.class)).isEmpty();

        SharedEmulator.fault("reset");
        HexclaveTestApp.untilStatus(200, () -> given().auth().oauth2(token).get("/greet").statusCode());
    }

    @Test
    @Order(2)
    void successCarriesTheHexclavePrincipal() {
        String[] userAndToken = SharedEmulator.userAndToken();
        given().auth().oauth2(userAndToken[1]).get("/greet").then().statusCode(200);

        List<AuthenticationSuccessEvent> success = events.of(AuthenticationSuccessEvent.class);
        assertThat(success).hasSize(1);
        assertThat(success.get(0).getSecurityIdentity().getPrincipal()).isInstanceOfSatisfying(HexclavePrincipal.class,
                p -> assertThat(p.getSubject()).isEqualTo(userAndToken[0]));
        assertThat(success.get(0).getEventProperties()).containsKey(RoutingContext.class.getName());
        assertThat(events.of(AuthenticationFailureEvent.class)).isEmpty();
        assertThat(events.of(HexclaveKeysUnavailableEvent.class)).isEmpty();
        assertNothingSecret(userAndToken[1]);
    }

    /** Expired, forged (signed by another key) and another project's (audience) tokens. */
    @ParameterizedTest
    @Order(3)
    @ValueSource(strings = { "EXPIRED", "FOREIGN_KEY", "WRONG_AUDIENCE" }) // names: QuarkusUnitTest's class loaders
    void failureCarriesTheRejectionReason(String name) {
        HostileToken hostile = HostileToken.valueOf(name);
        String token = SharedEmulator.token(hostile);
        given().auth().oauth2(token).get("/greet/public").then().statusCode(401);

        AuthenticationFailedException failure = onlyFailure();
        assertThat((Object) failure.getAttribute(HexclaveAuthMechanism.REJECTION_REASON_KEY)).isEqualTo(hostile.expected());
        assertThat(failure.getMessage()).isEqualTo(hostile.expected().description());
        assertThat(events.of(AuthenticationSuccessEvent.class)).isEmpty();
        assertThat(events.of(HexclaveKeysUnavailableEvent.class)).isEmpty();
        assertNothingSecret(token);
    }

    @Test
    @Order(4)
    void apiKeySuccessCarriesTheKeyPrincipal() {
        String userId = SharedEmulator.userAndToken()[0];
        String[] key = SharedEmulator.userKey(userId);
        given().header("x-hexclave-api-key", key[1]).get("/keys/me").then().statusCode(200);

        List<AuthenticationSuccessEvent> success = events.of(AuthenticationSuccessEvent.class);
        assertThat(success).hasSize(1);
        assertThat(success.get(0).getSecurityIdentity().getPrincipal()).isInstanceOfSatisfying(
                HexclaveApiKeyPrincipal.class, p -> {
                    assertThat(p.getName()).isEqualTo(userId);
                    assertThat(p.keyId()).isEqualTo(key[0]);
                });
        assertNothingSecret(key[1]);
    }

    @Test
    @Order(5)
    void apiKeyFailureCarriesItsReason() {
        String[] key = SharedEmulator.userKey(SharedEmulator.userAndToken()[0], "expired");
        given().header("x-hexclave-api-key", key[1]).get("/keys/me").then().statusCode(401);

        assertThat((Object) onlyFailure().getAttribute(HexclaveAuthMechanism.REJECTION_REASON_KEY))
                .isEqualTo(RejectionReason.API_KEY_EXPIRED);
        assertThat(events.of(AuthenticationSuccessEvent.class)).isEmpty();
        assertNothingSecret(key[1]);
    }

    @Test
    @Order(6)
    void apiKeyUncheckableFiresTheKeysUnavailableEvent() {
        String key = SharedEmulator.userKey(SharedEmulator.userAndToken()[0])[1];
        SharedEmulator.admin("api-status 503");
        given().header("x-hexclave-api-key", key).get("/keys/me").then().statusCode(503);

        assertThat(events.of(HexclaveKeysUnavailableEvent.class)).singleElement()
                .satisfies(e -> assertThat(e.credential()).isEqualTo(HexclaveKeysUnavailableEvent.Credential.API_KEY));
        assertThat(onlyFailure().getAttributes()).doesNotContainKey(HexclaveAuthMechanism.REJECTION_REASON_KEY);
        assertNothingSecret(key);
    }

    /** A failing cookie leaves the request anonymous: no authentication event (a public page still answers). */
    @Test
    @Order(7)
    void expiredCookieFiresNoAuthenticationEvent() {
        String token = SharedEmulator.token(HostileToken.EXPIRED);
        HexclaveTestApp.withSessionCookies(token).get("/greet/public").then().statusCode(200);

        assertThat(events.of(AuthenticationFailureEvent.class)).isEmpty();
        assertThat(events.of(AuthenticationSuccessEvent.class)).isEmpty();
        assertThat(events.of(HexclaveKeysUnavailableEvent.class)).isEmpty();
    }

    private AuthenticationFailedException onlyFailure() {
        List<AuthenticationFailureEvent> failures = events.of(AuthenticationFailureEvent.class);
        assertThat(failures).hasSize(1);
        assertThat(failures.get(0).getAuthenticationFailure()).isInstanceOf(AuthenticationFailedException.class);
        return (AuthenticationFailedException) failures.get(0).getAuthenticationFailure();
    }

    /** No event, and no failure's message or attribute, shows the credential. */
    private void assertNothingSecret(String credential) {
        for (SecurityEvent event : events.all()) {
            for (Map.Entry<String, Object> p : event.getEventProperties().entrySet()) {
                if (p.getValue() instanceof AuthenticationFailedException failure) {
                    assertThat(failure.getMessage()).doesNotContain(credential);
                    assertThat(String.valueOf(failure.getAttributes())).doesNotContain(credential);
                } else if (!(p.getValue() instanceof RoutingContext)) { // the request itself: Quarkus' property
                    assertThat(String.valueOf(p.getValue())).doesNotContain(credential);
                }
            }
            assertThat(String.valueOf(event)).doesNotContain(credential);
        }
    }
}
