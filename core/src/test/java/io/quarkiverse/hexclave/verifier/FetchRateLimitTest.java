package io.quarkiverse.hexclave.verifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkiverse.hexclave.config.HexclaveConfigException;
import io.quarkiverse.hexclave.config.HexclaveSettings;
import io.quarkiverse.hexclave.testsupport.JwksServer.Fault;
import io.quarkiverse.hexclave.testsupport.VerifierFixture;

/** Every key fetch, readiness probes and refreshKeys() included, goes through one rate limit. */
class FetchRateLimitTest {

    final VerifierFixture f = new VerifierFixture();

    @AfterEach
    void stop() {
        f.close();
    }

    JwksStatus refresh(JwtTokenVerifier v) {
        return v.refreshKeys().toCompletableFuture().join();
    }

    @Test
    void probesDuringAnOutageDoNotEachFetchAndTheFailureBackOffDoubles() {
        f.jwks.fault(Fault.STATUS_500);
        var v = f.verifier();
        for (int i = 0; i < 10; i++) {
            assertThat(refresh(v).hasKeys()).isFalse();
        }
        assertThatThrownBy(() -> v.verify(f.tokens.normal().mint())).isInstanceOf(KeysUnavailableException.class);
        assertThat(f.jwks.requests()).as("one fetch, then the back-off").isEqualTo(1);

        f.clock.advance(Duration.ofSeconds(2));
        refresh(v);
        refresh(v);
        assertThat(f.jwks.requests()).isEqualTo(2);
        f.clock.advance(Duration.ofSeconds(2)); // the second failure doubled the back-off to 4 s
        refresh(v);
        assertThat(f.jwks.requests()).isEqualTo(2);
        f.clock.advance(Duration.ofSeconds(2));
        f.jwks.fault(Fault.NONE);
        assertThat(refresh(v).hasKeys()).isTrue();
        assertThat(f.jwks.requests()).isEqualTo(3);
    }

    @Test
    void refreshKeysWithKeysHeldWaitsForTheCooldown() {
        var v = f.verifier();
        HexclaveTokenVerifierTest.accepted(v.verify(f.tokens.normal().mint()));
        for (int i = 0; i < 5; i++) {
            assertThat(refresh(v).hasKeys()).isTrue();
        }
        assertThat(f.jwks.requests()).isEqualTo(1);
        f.clock.advance(Duration.ofSeconds(31));
        refresh(v);
        assertThat(f.jwks.requests()).isEqualTo(2);
    }

    @Test
    void aCooldownBelowOneSecondIsAConfigurationErrorNamingTheKey() {
        for (Duration tooShort : new Duration[] { Duration.ZERO, Duration.ofMillis(500) }) {
            assertThatThrownBy(() -> HexclaveSettings.builder(f.projectId).jwksRefreshCooldown(tooShort).build())
                    .isInstanceOf(HexclaveConfigException.class)
                    .hasMessageContaining("hexclave.jwks.refresh-cooldown must be at least 1s");
        }
        assertThat(HexclaveSettings.builder(f.projectId).jwksRefreshCooldown(Duration.ofSeconds(1)).build()
                .jwksRefreshCooldown()).isEqualTo(Duration.ofSeconds(1));
    }
}
