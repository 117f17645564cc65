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

    @Test
    void aRestVerificationThatMustAskHexclaveIsRefusedToo() {
        HexclaveTransport pending = new HexclaveTransport() {
            @Override
            public CompletionStage<HexclaveResponse> send(HexclaveRequest request) {
                sent.incrementAndGet();
                return new CompletableFuture<>(); // Hexclave has not answered yet
            }

            @Override
            public void checkBlockingAllowed() {
                throw new IllegalStateException("no waiting on this thread");
            }
        };
        try (var emulator = io.quarkiverse.hexclave.emulator.HexclaveEmulator.builder().build().start()) {
            String token = emulator.mintAccessToken(emulator.createUser(
                    io.quarkiverse.hexclave.emulator.NewUser.withEmail("ada@example.com").build()));
            HexclaveSettings settings = HexclaveSettings.builder(emulator.projectId()).apiUrl(emulator.apiUrl())
                    .secretServerKey(emulator.secretServerKey())
                    .verificationMode(io.quarkiverse.hexclave.config.VerificationMode.REST).build();
            var verifier = io.quarkiverse.hexclave.verifier.HexclaveTokenVerifier.create(settings,
                    io.quarkiverse.hexclave.verifier.UserClassPolicy.NORMAL_ONLY, java.time.Clock.systemUTC(),
                    io.quarkiverse.hexclave.observe.HexclaveObserver.NONE, pending);

            assertThatThrownBy(() -> verifier.verify(token))
                    .isInstanceOf(IllegalStateException.class).hasMessage("no waiting on this thread");
            assertThat(sent).as("Hexclave was asked").hasValue(1);
        }
    }
}
