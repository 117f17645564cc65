package io.quarkiverse.hexclave.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.patchRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.quarkiverse.hexclave.client.HexclaveStub.USER_ID;
import static io.quarkiverse.hexclave.client.HexclaveStub.json;
import static io.quarkiverse.hexclave.client.HexclaveStub.userJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.github.tomakehurst.wiremock.http.Fault;

import io.quarkiverse.hexclave.client.error.HexclaveConnectionException;
import io.quarkiverse.hexclave.client.error.UnknownHexclaveErrorException;
import io.quarkiverse.hexclave.client.error.UserNotFoundException;
import io.quarkiverse.hexclave.client.model.CreateUserRequest;
import io.quarkiverse.hexclave.client.model.UpdateUserRequest;

class RetryTest {

    private static final String USER_PATH = "/api/v1/users/" + USER_ID;

    private final HexclaveStub hexclave = new HexclaveStub();
    private final HexclaveClient client = hexclave.client();

    @AfterEach
    void stop() {
        client.close();
        hexclave.close();
    }

    private void failThenSucceed(int status, String retryAfter) {
        var failure = aResponse().withStatus(status).withBody("busy");
        if (retryAfter != null) {
            failure = failure.withHeader("Retry-After", retryAfter);
        }
        hexclave.server.stubFor(get(USER_PATH).inScenario("flaky").whenScenarioStateIs(STARTED).willReturn(failure)
                .willSetStateTo("ok"));
        hexclave.server.stubFor(get(USER_PATH).inScenario("flaky").whenScenarioStateIs("ok").willReturn(json(200, userJson())));
    }

    @ParameterizedTest(name = "GET retried after {0}")
    @ValueSource(ints = { 429, 502, 503, 504 })
    void idempotentGetIsRetriedAfterRetryableStatus(int status) {
        failThenSucceed(status, null);

        assertThat(client.users().get(USER_ID).id()).isEqualTo(USER_ID);

        hexclave.server.verify(2, getRequestedFor(urlEqualTo(USER_PATH)));
        assertThat(hexclave.delays).hasSize(1);
        assertThat(hexclave.delays.get(0)).isBetween(Duration.ofMillis(250), Duration.ofMillis(500));
    }

    @Test
    void retryAfterSecondsIsHonoured() {
        failThenSucceed(429, "2");

        client.users().get(USER_ID);

        assertThat(hexclave.delays).containsExactly(Duration.ofSeconds(2));
    }

    @Test
    void retryAfterLongerThanAllowedEndsTheRetries() {
        failThenSucceed(503, "3600");

        var e = catchThrowableOfType(UnknownHexclaveErrorException.class, () -> client.users().get(USER_ID));

        assertThat(e.status()).isEqualTo(503);
        hexclave.server.verify(1, getRequestedFor(urlEqualTo(USER_PATH)));
    }

    @Test
    void backoffGrowsExponentiallyUntilRetriesRunOut() {
        hexclave.server.stubFor(get(USER_PATH).willReturn(aResponse().withStatus(503)));

        var e = catchThrowableOfType(UnknownHexclaveErrorException.class, () -> client.users().get(USER_ID));

        assertThat(e.status()).isEqualTo(503);
        hexclave.server.verify(4, getRequestedFor(urlEqualTo(USER_PATH)));
        assertThat(hexclave.delays).hasSize(3);
        assertThat(hexclave.delays.get(0)).isBetween(Duration.ofMillis(250), Duration.ofMillis(500));
        assertThat(hexclave.delays.get(1)).isBetween(Duration.ofMillis(500), Duration.ofMillis(1000));
        assertThat(hexclave.delays.get(2)).isBetween(Duration.ofMillis(1000), Duration.ofMillis(2000));
    }

    @Test
    void backoffIsCappedAtTheMaximum() {
        RetryPolicy policy = RetryPolicy.defaults(10);
        for (int i = 0; i < 10; i++) {
            assertThat(policy.backoff(i)).isLessThanOrEqualTo(Duration.ofSeconds(8));
        }
        assertThat(policy.backoff(9)).isGreaterThanOrEqualTo(Duration.ofSeconds(4));
    }

    @Test
    void knownClientErrorsAreNotRetried() {
        hexclave.server.stubFor(get(USER_PATH).willReturn(HexclaveStub.knownError(404, "USER_NOT_FOUND")));

        assertThatThrownBy(() -> client.users().get(USER_ID)).isInstanceOf(UserNotFoundException.class);

        hexclave.server.verify(1, getRequestedFor(urlEqualTo(USER_PATH)));
        assertThat(hexclave.delays).isEmpty();
    }

    @Test
    void deleteIsRetriedAfter503() {
        hexclave.server.stubFor(delete(USER_PATH).inScenario("d").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("ok"));
        hexclave.server.stubFor(delete(USER_PATH).inScenario("d").whenScenarioStateIs("ok").willReturn(json(200, "{\"success\":true}")));

        client.users().delete(USER_ID);

        hexclave.server.verify(2, deleteRequestedFor(urlEqualTo(USER_PATH)));
    }

    @ParameterizedTest(name = "POST never retried after {0}")
    @ValueSource(ints = { 502, 503, 504 })
    void postIsNeverRetried(int status) {
        hexclave.server.stubFor(post("/api/v1/users").willReturn(aResponse().withStatus(status).withHeader("Retry-After", "1")));

        var e = catchThrowableOfType(UnknownHexclaveErrorException.class, () -> client.users().create(CreateUserRequest.empty()));

        assertThat(e.status()).isEqualTo(status);
        hexclave.server.verify(1, postRequestedFor(urlEqualTo("/api/v1/users")));
        assertThat(hexclave.delays).isEmpty();
    }

    @Test
    void postIsRetriedAfter429HonouringRetryAfter() {
        hexclave.server.stubFor(post("/api/v1/users").inScenario("busy").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3")).willSetStateTo("ok"));
        hexclave.server.stubFor(post("/api/v1/users").inScenario("busy").whenScenarioStateIs("ok")
                .willReturn(json(201, userJson())));

        assertThat(client.users().create(CreateUserRequest.empty()).id()).isEqualTo(USER_ID);

        hexclave.server.verify(2, postRequestedFor(urlEqualTo("/api/v1/users")));
        assertThat(hexclave.delays).containsExactly(Duration.ofSeconds(3));
    }

    @Test
    void patchIsRetriedAfter429() {
        hexclave.server.stubFor(patch(urlEqualTo(USER_PATH)).inScenario("busy").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withStatus(429)).willSetStateTo("ok"));
        hexclave.server.stubFor(patch(urlEqualTo(USER_PATH)).inScenario("busy").whenScenarioStateIs("ok")
                .willReturn(json(200, userJson())));

        client.users().update(USER_ID, UpdateUserRequest.builder().displayName("x").build());

        hexclave.server.verify(2, patchRequestedFor(urlEqualTo(USER_PATH)));
    }

    @Test
    void post429WithTooLongRetryAfterFailsAndExposesTheWait() {
        hexclave.server.stubFor(post("/api/v1/users").willReturn(aResponse().withStatus(429).withHeader("Retry-After", "3600")));

        var e = catchThrowableOfType(UnknownHexclaveErrorException.class, () -> client.users().create(CreateUserRequest.empty()));

        assertThat(e.status()).isEqualTo(429);
        assertThat(e.retryAfter()).hasValue(Duration.ofHours(1));
        hexclave.server.verify(1, postRequestedFor(urlEqualTo("/api/v1/users")));
    }

    @Test
    void retryAfterIsEmptyWhenTheResponseHasNone() {
        hexclave.server.stubFor(get(USER_PATH).willReturn(HexclaveStub.knownError(404, "USER_NOT_FOUND")));

        assertThat(catchThrowableOfType(UserNotFoundException.class, () -> client.users().get(USER_ID)).retryAfter()).isEmpty();
    }

    @Test
    void patchIsNeverRetried() {
        hexclave.server.stubFor(patch(urlEqualTo(USER_PATH)).willReturn(aResponse().withStatus(503)));

        assertThatThrownBy(() -> client.users().update(USER_ID, UpdateUserRequest.builder().displayName("x").build()))
                .isInstanceOf(UnknownHexclaveErrorException.class);

        hexclave.server.verify(1, patchRequestedFor(urlEqualTo(USER_PATH)));
    }

    @Test
    void connectionResetIsRetriedForGet() {
        hexclave.server.stubFor(get(USER_PATH).inScenario("reset").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)).willSetStateTo("ok"));
        hexclave.server.stubFor(get(USER_PATH).inScenario("reset").whenScenarioStateIs("ok").willReturn(json(200, userJson())));

        assertThat(client.users().get(USER_ID).id()).isEqualTo(USER_ID);
        assertThat(hexclave.delays).hasSize(1);
    }

    @Test
    void connectionResetOnPostFailsWithoutRetry() {
        hexclave.server.stubFor(post("/api/v1/users").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

        var e = catchThrowableOfType(HexclaveConnectionException.class, () -> client.users().create(CreateUserRequest.empty()));

        assertThat(e.timeout()).isFalse();
        assertThat(e.getMessage()).contains("POST /api/v1/users");
        hexclave.server.verify(1, postRequestedFor(urlEqualTo("/api/v1/users")));
    }

    @Test
    void garbageResponseIsAConnectionFailure() {
        hexclave.server.stubFor(get(USER_PATH).willReturn(aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK)));

        assertThatThrownBy(() -> client.users().get(USER_ID)).isInstanceOf(HexclaveConnectionException.class);
        hexclave.server.verify(4, getRequestedFor(urlEqualTo(USER_PATH)));
    }

    @Test
    void slowResponseTimesOutWithTheConfiguredReadTimeout() {
        hexclave.server.stubFor(get(USER_PATH).willReturn(json(200, userJson()).withFixedDelay(3000)));

        try (HexclaveClient impatient = hexclave.client(hexclave.settings().readTimeout(Duration.ofMillis(300)).maxRetries(1).build())) {
            long start = System.nanoTime();
            var e = catchThrowableOfType(HexclaveConnectionException.class, () -> impatient.users().get(USER_ID));
            long millis = (System.nanoTime() - start) / 1_000_000;

            assertThat(e.timeout()).isTrue();
            assertThat(e.getMessage()).contains("no complete response within");
            assertThat(millis).isLessThan(2500);
        }
        hexclave.server.verify(2, getRequestedFor(urlEqualTo(USER_PATH)));
    }

    @Test
    void unreachableHostIsAConnectionFailure() {
        int port = hexclave.server.port();
        hexclave.close();
        var settings = io.quarkiverse.hexclave.config.HexclaveSettings.builder(HexclaveStub.PROJECT_ID)
                .apiUrl("http://127.0.0.1:" + port).secretServerKey(HexclaveStub.SECRET_SERVER_KEY).maxRetries(2).build();
        try (HexclaveClient down = hexclave.client(settings)) {
            var e = catchThrowableOfType(HexclaveConnectionException.class, () -> down.users().get(USER_ID));
            assertThat(e.getMessage()).contains("connection failed");
        }
        assertThat(hexclave.delays).hasSize(2);
    }

    @Test
    void retryPolicyNoneMakesOneAttempt() {
        hexclave.server.stubFor(get(USER_PATH).willReturn(aResponse().withStatus(503)));
        try (HexclaveClient once = HexclaveClient.builder(hexclave.settings().build()).retryPolicy(RetryPolicy.none()).build()) {
            assertThatThrownBy(() -> once.users().get(USER_ID)).isInstanceOf(UnknownHexclaveErrorException.class);
        }
        hexclave.server.verify(1, getRequestedFor(urlEqualTo(USER_PATH)));
    }
}
