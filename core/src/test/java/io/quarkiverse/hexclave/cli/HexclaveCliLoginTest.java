package io.quarkiverse.hexclave.cli;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.quarkiverse.hexclave.client.HexclaveStub.PROJECT_ID;
import static io.quarkiverse.hexclave.client.HexclaveStub.PUBLISHABLE_KEY;
import static io.quarkiverse.hexclave.client.HexclaveStub.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkiverse.hexclave.client.HexclaveClient;
import io.quarkiverse.hexclave.client.HexclaveStub;
import io.quarkiverse.hexclave.client.error.InvalidPollingCodeException;
import io.quarkiverse.hexclave.config.HexclaveSettings;
import io.quarkiverse.hexclave.testsupport.CapturedLogs;
import io.quarkiverse.hexclave.emulator.MovableClock;

class HexclaveCliLoginTest {

    private static final String POLLING_CODE = "pc_secret_polling_code_987654321";
    private static final String LOGIN_CODE = "abc def&x=1";
    private static final String REFRESH = "rt_cli_refresh_token_55555";

    private final HexclaveStub hexclave = new HexclaveStub();
    private final HexclaveClient client = hexclave.client(HexclaveSettings.builder(PROJECT_ID).apiUrl(hexclave.apiUrl()).build());
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final List<URI> opened = new ArrayList<>();
    private final List<Duration> sleeps = new ArrayList<>();
    private final MovableClock clock = new MovableClock(Instant.parse("2026-01-01T00:00:00Z"));

    @AfterEach
    void stop() {
        client.close();
        hexclave.close();
    }

    private HexclaveCliLogin.Builder login() {
        return HexclaveCliLogin.builder(client, "https://app.example.com/").output(new PrintStream(printed, true, StandardCharsets.UTF_8))
                .browser(opened::add).clock(clock).sleeper(d -> {
                    sleeps.add(d);
                    clock.advance(d);
                });
    }

    private void stubStart() {
        hexclave.server.stubFor(post("/api/v1/auth/cli").willReturn(json(200, "{\"polling_code\":\"" + POLLING_CODE
                + "\",\"login_code\":\"" + LOGIN_CODE + "\",\"expires_at\":\"2026-01-01T00:02:00.000Z\"}")));
    }

    private void stubPolls(String... answers) {
        String state = STARTED;
        for (int i = 0; i < answers.length; i++) {
            String next = i == answers.length - 1 ? state : "poll" + (i + 1);
            String body = answers[i];
            int status = body.contains("success") ? 201 : 200;
            var stub = post("/api/v1/auth/cli/poll").inScenario("poll").whenScenarioStateIs(state).willReturn(json(status, body));
            hexclave.server.stubFor(i == answers.length - 1 ? stub : stub.willSetStateTo(next));
            state = next;
        }
    }

    private String out() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    @Test
    void waitingThenSuccessReturnsTheRefreshToken() {
        stubStart();
        stubPolls("{\"status\":\"waiting\"}", "{\"status\":\"waiting\"}",
                "{\"status\":\"success\",\"refresh_token\":\"" + REFRESH + "\"}");

        CliLoginResult result = login().build().run();

        assertThat(result.status()).isEqualTo(CliLoginResult.Status.SUCCESS);
        assertThat(result.refreshToken()).map(s -> s.value()).contains(REFRESH);
        assertThat(result.toString()).doesNotContain(REFRESH);
        assertThat(sleeps).containsExactly(Duration.ofSeconds(2), Duration.ofSeconds(2));
        URI expected = URI.create("https://app.example.com/handler/cli-auth-confirm?login_code=abc+def%26x%3D1");
        assertThat(opened).containsExactly(expected);
        assertThat(out()).contains(expected.toString()).doesNotContain(POLLING_CODE);
        hexclave.server.verify(postRequestedFor(urlEqualTo("/api/v1/auth/cli"))
                .withHeader("x-hexclave-access-type", equalTo("client"))
                .withHeader("x-hexclave-project-id", equalTo(PROJECT_ID))
                .withHeader("x-hexclave-publishable-client-key", absent())
                .withHeader("x-hexclave-secret-server-key", absent())
                .withRequestBody(equalToJson("{}")));
        hexclave.server.verify(3, postRequestedFor(urlEqualTo("/api/v1/auth/cli/poll"))
                .withRequestBody(equalToJson("{\"polling_code\":\"" + POLLING_CODE + "\"}")));
    }

    @Test
    void publishableKeyAndLifetimeAreSentWhenConfigured() {
        stubStart();
        stubPolls("{\"status\":\"success\",\"refresh_token\":\"" + REFRESH + "\"}");
        try (HexclaveClient withKey = hexclave.client(HexclaveSettings.builder(PROJECT_ID).apiUrl(hexclave.apiUrl())
                .publishableClientKey(PUBLISHABLE_KEY).build())) {
            HexclaveCliLogin.builder(withKey, "https://app.example.com").output(new PrintStream(printed)).browser(opened::add)
                    .expiresIn(Duration.ofMinutes(10)).build().prompt();
        }
        hexclave.server.verify(postRequestedFor(urlEqualTo("/api/v1/auth/cli"))
                .withHeader("x-hexclave-publishable-client-key", equalTo(PUBLISHABLE_KEY))
                .withRequestBody(equalToJson("{\"expires_in_millis\":600000}")));
        hexclave.server.verify(postRequestedFor(urlEqualTo("/api/v1/auth/cli/poll"))
                .withHeader("x-hexclave-publishable-client-key", equalTo(PUBLISHABLE_KEY)));
    }

    @Test
    void expiredAttemptReturnsEmpty() {
        stubStart();
        stubPolls("{\"status\":\"waiting\"}", "{\"status\":\"expired\"}");

        HexclaveCliLogin login = login().build();
        CliLoginResult result = login.run();

        assertThat(result).isEqualTo(new CliLoginResult(CliLoginResult.Status.EXPIRED, java.util.Optional.empty()));
    }

    @Test
    void usedAttemptReturnsEmpty() {
        stubStart();
        stubPolls("{\"status\":\"used\"}");

        assertThat(login().build().prompt()).isEmpty();
        assertThat(sleeps).isEmpty();
    }

    @Test
    void stillWaitingAtTheTimeoutEndsTheLogin() {
        stubStart();
        stubPolls("{\"status\":\"waiting\"}");

        CliLoginResult result = login().timeout(Duration.ofSeconds(9)).build().run();

        assertThat(result.status()).isEqualTo(CliLoginResult.Status.TIMED_OUT);
        assertThat(sleeps).hasSize(5);
    }

    @Test
    void cancelStopsPollingAndReturnsCancelled() {
        stubStart();
        stubPolls("{\"status\":\"waiting\"}");
        AtomicReference<HexclaveCliLogin> ref = new AtomicReference<>();
        HexclaveCliLogin login = login().sleeper(d -> {
            sleeps.add(d);
            if (sleeps.size() == 2) {
                ref.get().cancel();
            }
        }).build();
        ref.set(login);

        CliLoginResult result = login.run();

        assertThat(result.status()).isEqualTo(CliLoginResult.Status.CANCELLED);
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
        hexclave.server.verify(2, postRequestedFor(urlEqualTo("/api/v1/auth/cli/poll")));
    }

    @Test
    void cancelFromAnotherThreadWakesASleepingPoller() throws Exception {
        stubStart();
        stubPolls("{\"status\":\"waiting\"}");
        CountDownLatch sleeping = new CountDownLatch(1);
        HexclaveCliLogin login = HexclaveCliLogin.builder(client, "https://app.example.com").output(new PrintStream(printed))
                .browser(opened::add).pollInterval(Duration.ofSeconds(30)).sleeper(d -> {
                    sleeping.countDown();
                    Thread.sleep(d.toMillis());
                }).build();

        CompletableFuture<CliLoginResult> running = CompletableFuture.supplyAsync(login::run);
        assertThat(sleeping.await(5, TimeUnit.SECONDS)).isTrue();
        login.cancel();

        assertThat(running).succeedsWithin(Duration.ofSeconds(5)).extracting(CliLoginResult::status)
                .isEqualTo(CliLoginResult.Status.CANCELLED);
    }

    @Test
    void interruptingThePollingThreadCancels() {
        stubStart();
        stubPolls("{\"status\":\"waiting\"}");

        CliLoginResult result = login().sleeper(d -> {
            throw new InterruptedException();
        }).build().run();

        assertThat(result.status()).isEqualTo(CliLoginResult.Status.CANCELLED);
        assertThat(Thread.interrupted()).as("an outside interrupt stays visible to the caller").isTrue();
    }

    @Test
    void cancelBeforeRunMakesNoCall() {
        HexclaveCliLogin login = login().build();
        login.cancel();

        assertThat(login.run().status()).isEqualTo(CliLoginResult.Status.CANCELLED);
        assertThat(hexclave.server.getAllServeEvents()).isEmpty();
        assertThatThrownBy(login::run).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void browserFailureDoesNotFailTheLogin() {
        stubStart();
        stubPolls("{\"status\":\"success\",\"refresh_token\":\"" + REFRESH + "\"}");

        CliLoginResult result = login().browser(u -> {
            throw new UnsupportedOperationException("no desktop");
        }).build().run();

        assertThat(result.succeeded()).isTrue();
        assertThat(out()).contains("/handler/cli-auth-confirm?login_code=");
    }

    @Test
    void desktopOpenerNeverThrowsOnAHeadlessMachine() {
        org.assertj.core.api.Assertions.assertThatCode(() -> HexclaveCliLogin
                .openWithDesktop(URI.create("https://app.example.com/handler/cli-auth-confirm?login_code=x")))
                .doesNotThrowAnyException();
    }

    @Test
    void unknownPollingCodeThrows() {
        stubStart();
        hexclave.server.stubFor(post("/api/v1/auth/cli/poll").willReturn(HexclaveStub.knownError(400, "INVALID_POLLING_CODE")));

        assertThatThrownBy(() -> login().build().run()).isInstanceOf(InvalidPollingCodeException.class)
                .hasMessageNotContaining(POLLING_CODE);
    }

    @Test
    void appUrlMustBeHttp() {
        assertThatThrownBy(() -> HexclaveCliLogin.builder(client, "ftp://x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HexclaveCliLogin.builder(client, " ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void pollWithoutAnswerKeepsPollingUntilConfirmed() {
        stubStart();
        hexclave.server.stubFor(post("/api/v1/auth/cli/poll").inScenario("flaky").whenScenarioStateIs(STARTED)
                .willReturn(aResponse().withFault(com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER))
                .willSetStateTo("back"));
        hexclave.server.stubFor(post("/api/v1/auth/cli/poll").inScenario("flaky").whenScenarioStateIs("back")
                .willReturn(json(201, "{\"status\":\"success\",\"refresh_token\":\"" + REFRESH + "\"}")));

        CliLoginResult result;
        try (CapturedLogs logs = new CapturedLogs()) {
            result = login().build().run();
            assertThat(logs.texts()).anyMatch(t -> t.contains("polling again")).noneMatch(t -> t.contains(POLLING_CODE));
        }

        assertThat(result.status()).isEqualTo(CliLoginResult.Status.SUCCESS);
        assertThat(sleeps).containsExactly(Duration.ofSeconds(2));
        hexclave.server.verify(2, postRequestedFor(urlEqualTo("/api/v1/auth/cli/poll")));
    }

    @Test
    void pollsWithoutAnswerUntilTheTimeoutEndTheLoginAsTimedOut() {
        stubStart();
        hexclave.server.stubFor(post("/api/v1/auth/cli/poll")
                .willReturn(aResponse().withFault(com.github.tomakehurst.wiremock.http.Fault.CONNECTION_RESET_BY_PEER)));

        CliLoginResult result = login().timeout(Duration.ofSeconds(9)).build().run();

        assertThat(result.status()).isEqualTo(CliLoginResult.Status.TIMED_OUT);
        assertThat(sleeps).hasSize(5);
    }

    @Test
    void pollIntervalBelowHalfASecondOrNullIsRefused() {
        assertThatThrownBy(() -> login().pollInterval(Duration.ofMillis(499))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 500 ms");
        assertThatThrownBy(() -> login().pollInterval(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> login().pollInterval(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("null");
        assertThat(login().pollInterval(Duration.ofMillis(500))).isNotNull();
    }
}
