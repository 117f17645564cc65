package io.quarkiverse.hexclave.observe;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkiverse.hexclave.client.HexclaveClient;
import io.quarkiverse.hexclave.config.HexclaveSettings;
import io.quarkiverse.hexclave.emulator.EmulatedUser;
import io.quarkiverse.hexclave.emulator.HexclaveEmulator;
import io.quarkiverse.hexclave.emulator.NewUser;
import io.quarkiverse.hexclave.verifier.HexclaveTokenVerifier;
import io.quarkiverse.hexclave.verifier.RejectionReason;
import io.quarkiverse.hexclave.verifier.UserClassPolicy;
import io.quarkiverse.hexclave.verifier.Verification;

/**
 * The observer SPI against the emulator: what a verifier and a client report, in order, with no token or user id in
 * it; and an observer that throws changes no outcome.
 */
class HexclaveObserverTest {

    static HexclaveEmulator emulator;

    @BeforeAll
    static void start() {
        emulator = HexclaveEmulator.builder().build().start();
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    /** Writes down every observation as text. */
    static final class Recording implements HexclaveObserver {
        final List<String> seen = new CopyOnWriteArrayList<>();

        @Override
        public void tokenAccepted() {
            seen.add("accepted");
        }

        @Override
        public void tokenRejected(RejectionReason reason) {
            seen.add("rejected " + reason);
        }

        @Override
        public void keysUnavailable() {
            seen.add("keys unavailable");
        }

        @Override
        public void verifiedTokenCacheLookup(boolean hit) {
            seen.add(hit ? "cache hit" : "cache miss");
        }

        @Override
        public void keyFetch(boolean succeeded, Duration duration) {
            seen.add("key fetch " + (succeeded ? "ok" : "failed") + (duration.isNegative() ? " negative" : ""));
        }

        @Override
        public void apiCall(String operation, int status, Duration duration) {
            seen.add(operation + " " + status + (duration.isNegative() ? " negative" : ""));
        }
    }

    /** Throws from every method. */
    static final class Throwing implements HexclaveObserver {
        @Override
        public void tokenAccepted() {
            throw new IllegalStateException("boom");
        }

        @Override
        public void tokenRejected(RejectionReason reason) {
            throw new IllegalStateException("boom");
        }

        @Override
        public void verifiedTokenCacheLookup(boolean hit) {
            throw new IllegalStateException("boom");
        }

        @Override
        public void keyFetch(boolean succeeded, Duration duration) {
            throw new IllegalStateException("boom");
        }

        @Override
        public void apiCall(String operation, int status, Duration duration) {
            throw new IllegalStateException("boom");
        }
    }

    private static HexclaveSettings settings() {
        return HexclaveSettings.builder(emulator.projectId()).apiUrl(emulator.apiUrl())
                .secretServerKey(emulator.secretServerKey()).build();
    }

    private static HexclaveTokenVerifier verifier(HexclaveObserver observer) {
        return HexclaveTokenVerifier.create(settings(), UserClassPolicy.of(false, false), Clock.systemUTC(), observer);
    }

    @Test
    void verifierReportsFetchCacheAndOutcomes() {
        EmulatedUser user = emulator.createUser(NewUser.withEmail("obs-" + System.nanoTime() + "@example.com").build());
        String token = emulator.mintAccessToken(user);
        Recording recording = new Recording();
        try (HexclaveTokenVerifier verifier = verifier(recording)) {
            assertThat(verifier.verify(token)).isInstanceOf(Verification.Accepted.class);
            assertThat(verifier.verify(token)).isInstanceOf(Verification.Accepted.class);
            assertThat(verifier.verify(emulator.token(user).signWithForeignKey().mint()))
                    .isInstanceOf(Verification.Rejected.class);
        }
        assertThat(recording.seen).containsExactly("cache miss", "key fetch ok", "accepted", "cache hit", "accepted",
                "cache miss", "rejected BAD_SIGNATURE");
        assertThat(String.join(" ", recording.seen)).doesNotContain(user.id()).doesNotContain("eyJ");
    }

    @Test
    void clientReportsOperationTemplatesAndStatuses() {
        EmulatedUser user = emulator.createUser(NewUser.withEmail("obs-" + System.nanoTime() + "@example.com").build());
        Recording recording = new Recording();
        try (HexclaveClient client = HexclaveClient.builder(settings()).observer(recording).build()) {
            client.users().get(user.id());
            try {
                client.teams().get("7d0b7f0e-0000-4000-8000-000000000000");
            } catch (RuntimeException expected) {
                // a 404, reported as such
            }
        }
        assertThat(recording.seen).hasSize(2);
        assertThat(recording.seen.get(0)).isEqualTo("GET /users/{id} 200");
        assertThat(recording.seen.get(1)).startsWith("GET /teams/{id} 4");
    }

    @Test
    void aThrowingObserverChangesNoOutcome() {
        EmulatedUser user = emulator.createUser(NewUser.withEmail("obs-" + System.nanoTime() + "@example.com").build());
        String token = emulator.mintAccessToken(user);
        try (HexclaveTokenVerifier verifier = verifier(new Throwing())) {
            assertThat(verifier.verify(token)).isInstanceOf(Verification.Accepted.class);
            assertThat(verifier.verify(token)).isInstanceOf(Verification.Accepted.class);
            assertThat(verifier.verifyAsync(token).toCompletableFuture().join())
                    .isInstanceOf(Verification.Accepted.class);
            assertThat(verifier.verify(emulator.token(user).issuedAt(java.time.Instant.now().minus(Duration.ofMinutes(30)))
                    .expiresIn(Duration.ofMinutes(10)).mint()))
                    .isInstanceOfSatisfying(Verification.Rejected.class,
                            r -> assertThat(r.reason()).isEqualTo(RejectionReason.EXPIRED));
        }
        try (HexclaveClient client = HexclaveClient.builder(settings()).observer(new Throwing()).build()) {
            assertThat(client.users().get(user.id()).id()).isEqualTo(user.id());
        }
    }
}
