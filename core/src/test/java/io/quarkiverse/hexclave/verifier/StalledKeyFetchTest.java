package io.quarkiverse.hexclave.verifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkiverse.hexclave.config.HexclaveSettings;
import io.quarkiverse.hexclave.emulator.MovableClock;
import io.quarkiverse.hexclave.testsupport.StallingServer;
import io.quarkiverse.hexclave.testsupport.TestKey;
import io.quarkiverse.hexclave.testsupport.TokenFactory;

/** A JWKS answer whose headers arrive but whose body stalls: the fetch ends within its bound and frees its slot. */
class StalledKeyFetchTest {

    final String projectId = UUID.randomUUID().toString();
    final StallingServer server = new StallingServer("{\"keys\":[", 4000);
    final MovableClock clock = new MovableClock();

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aBodyStalledAfterTheHeadersEndsTheFetchWithinTheReadTimeoutAndTheNextFetchStarts() {
        HexclaveSettings settings = HexclaveSettings.builder(projectId).apiUrl(server.apiUrl())
                .connectTimeout(Duration.ofSeconds(1)).readTimeout(Duration.ofSeconds(1))
                .jwksRefreshCooldown(Duration.ofSeconds(1)).build();
        JwtTokenVerifier verifier = new JwtTokenVerifier(settings, clock);
        TokenFactory tokens = new TokenFactory(projectId, server.apiUrl(), clock, TestKey.generate("kid-1"));

        long start = System.nanoTime();
        assertThatThrownBy(() -> verifier.verify(tokens.normal().mint())).isInstanceOf(KeysUnavailableException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(2900));
        assertThat(verifier.jwksStatus().lastError()).hasValueSatisfying(e -> assertThat(e).contains("timed out"));
        assertThat(server.connections()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(5)); // past the failure back-off: the slot is free, a new fetch starts
        assertThatThrownBy(() -> verifier.verify(tokens.normal().mint())).isInstanceOf(KeysUnavailableException.class);
        assertThat(server.connections()).isEqualTo(2);
        assertThat(verifier.jwksStatus().fetches()).isEqualTo(2);
    }
}
