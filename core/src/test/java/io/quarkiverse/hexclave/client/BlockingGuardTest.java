package io.quarkiverse.hexclave.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.quarkiverse.hexclave.config.HexclaveSettings;

/** A transport that forbids waiting on this thread stops the blocking forms before anything is sent, not the async. */
class BlockingGuardTest {

    final AtomicInteger sent = new AtomicInteger();

    final HexclaveTransport transport = new HexclaveTransport() {
        @Override
        public CompletionStage<HexclaveResponse> send(HexclaveRequest request) {
            sent.incrementAndGet();
            return CompletableFuture.completedFuture(new HexclaveResponse(404, Map.of(),
                    "{\"code\":\"USER_NOT_FOUND\",\"error\":\"User not found.\"}"));
        }

        @Override
        public void checkBlockingAllowed() {
            throw new IllegalStateException("no waiting on this thread");
        }
    };

    final HexclaveClient client = new HexclaveClient(HexclaveSettings.builder("00000000-0000-4000-8000-000000000000")
            .apiUrl("http://127.0.0.1:9").secretServerKey("ssk_test").build(), transport);

    @Test
    void theBlockingFormSendsNothing() {
        assertThatThrownBy(() -> client.users().get("u1")).isInstanceOf(IllegalStateException.class)
                .hasMessage("no waiting on this thread");
        assertThat(sent).hasValue(0);
    }

    @Test
    void theAsyncFormIsNotConcerned() {
        assertThat(client.users().getAsync("u1")).failsWithin(java.time.Duration.ofSeconds(5));
        assertThat(sent).hasValue(1);
    }
}
