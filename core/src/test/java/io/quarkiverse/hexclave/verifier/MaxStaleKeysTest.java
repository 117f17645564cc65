package io.quarkiverse.hexclave.verifier;

import static io.quarkiverse.hexclave.verifier.HexclaveTokenVerifierTest.accepted;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkiverse.hexclave.config.ConfigLookup;
import io.quarkiverse.hexclave.config.HexclaveConfigException;
import io.quarkiverse.hexclave.config.HexclaveSettings;
import io.quarkiverse.hexclave.testsupport.CapturedLogs;
import io.quarkiverse.hexclave.testsupport.JwksServer.Fault;
import io.quarkiverse.hexclave.testsupport.VerifierFixture;

/** Keys serve through a refresh outage for at most jwks.max-stale after their last successful fetch. */
class MaxStaleKeysTest {

    final VerifierFixture f = new VerifierFixture();

    @AfterEach
    void stop() {
        f.close();
    }

    @Test
    void keysOlderThanTheMaximumStalenessAreDroppedWhileRefreshesFailAndComeBackWithTheNextFetch() {
        try (CapturedLogs logs = new CapturedLogs()) {
            var v = f.verifier(b -> b.jwksMaxStale(Duration.ofHours(3)));
            String token = f.tokens.normal().expiresIn(Duration.ofHours(5)).mint();
            accepted(v.verify(token));

            f.jwks.fault(Fault.STATUS_500);
            f.clock.advance(Duration.ofHours(2)); // due for a refresh, which fails: the stale keys serve
            accepted(v.verify(f.tokens.normal().mint()));
            accepted(v.verify(token));
            assertThat(v.jwksStatus().hasKeys()).isTrue();

            f.clock.advance(Duration.ofHours(1).plusSeconds(1)); // 3 h and 1 s after the last successful fetch
            assertThatThrownBy(() -> v.verify(f.tokens.normal().mint())).isInstanceOf(KeysUnavailableException.class);
            assertThatThrownBy(() -> v.verify(token)).as("the verified-token cache does not outlive the keys")
                    .isInstanceOf(KeysUnavailableException.class);
            assertThat(v.jwksStatus().hasKeys()).isFalse();
            assertThat(logs.texts().stream().filter(t -> t.contains("HEXCLAVE004")).count()).isEqualTo(1);

            f.jwks.fault(Fault.NONE);
            f.clock.advance(Duration.ofSeconds(31));
            accepted(v.verify(f.tokens.normal().mint()));
        }
    }

    @Test
    void theMaximumStalenessIsReadAndMustNotBeShorterThanTheCacheTime() {
        HexclaveSettings s = HexclaveSettings.from(ConfigLookup.of(Map.of("hexclave.project-id", f.projectId,
                "hexclave.jwks.max-stale", "6h")));
        assertThat(s.jwksMaxStale()).isEqualTo(Duration.ofHours(6));
        assertThat(HexclaveSettings.builder(f.projectId).build().jwksMaxStale()).isEqualTo(Duration.ofHours(24));
        assertThatThrownBy(() -> HexclaveSettings.builder(f.projectId).jwksMaxStale(Duration.ofMinutes(30)).build())
                .isInstanceOf(HexclaveConfigException.class)
                .hasMessageContaining("hexclave.jwks.max-stale (PT30M) must be at least hexclave.jwks.cache-time");
    }
}
