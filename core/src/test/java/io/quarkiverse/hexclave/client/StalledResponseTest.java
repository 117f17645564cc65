package io.quarkiverse.hexclave.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkiverse.hexclave.client.error.HexclaveConnectionException;
import io.quarkiverse.hexclave.config.HexclaveSettings;
import io.quarkiverse.hexclave.testsupport.StallingServer;

/** Every call to Hexclave ends within its bound, also when the body stalls after the headers. */
class StalledResponseTest {

    final StallingServer server = new StallingServer("{\"id\":\"", 4000);

    @AfterEach
    void stop() {
        server.close();
    }

    HexclaveSettings.Builder settings() {
        return HexclaveSettings.builder(HexclaveStub.PROJECT_ID).apiUrl(server.apiUrl())
                .issuerOrigins(List.of("http://127.0.0.1")).secretServerKey(HexclaveStub.SECRET_SERVER_KEY)
                .connectTimeout(Duration.ofSeconds(1)).readTimeout(Duration.ofSeconds(1));
    }

    @Test
    void aBodyStalledAfterTheHeadersFailsTheCallAsATimeoutWithinTheReadTimeout() {
        try (HexclaveClient client = HexclaveClient.builder(settings().build()).retryPolicy(RetryPolicy.none()).build()) {
            long start = System.nanoTime();
            HexclaveConnectionException e = assertTimeoutPreemptively(Duration.ofSeconds(10),
                    () -> catchThrowableOfType(HexclaveConnectionException.class, () -> client.users().get(HexclaveStub.USER_ID)));

            assertThat(e.timeout()).isTrue();
            assertThat(e.getMessage()).contains("no complete response within PT1S");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2500));
        }
    }

    @Test
    void aTransportThatNeverAnswersStillEndsTheCall() {
        HexclaveTransport silent = request -> new CompletableFuture<HexclaveResponse>(); // never completes
        try (HexclaveClient client = HexclaveClient.builder(settings().build()).retryPolicy(RetryPolicy.none())
                .transport(silent).build()) {
            HexclaveConnectionException e = assertTimeoutPreemptively(Duration.ofSeconds(10),
                    () -> catchThrowableOfType(HexclaveConnectionException.class, () -> client.users().get(HexclaveStub.USER_ID)));

            assertThat(e.timeout()).isTrue();
        }
    }

    @Test
    void retriesOfAStalledCallAreEachBounded() {
        try (HexclaveClient client = HexclaveClient.builder(settings().maxRetries(1).build())
                .retryPolicy(RetryPolicy.defaults(1).withDelayer(RetryPolicy.Delayer.NONE)).build()) {
            CompletionStage<?> call = client.users().getAsync(HexclaveStub.USER_ID);
            HexclaveConnectionException e = assertTimeoutPreemptively(Duration.ofSeconds(10),
                    () -> catchThrowableOfType(HexclaveConnectionException.class, () -> RequestSender.await(call)));

            assertThat(e.timeout()).isTrue();
            assertThat(server.connections()).isEqualTo(2);
        }
    }
}
