package io.quarkiverse.hexclave.verifier;

import static io.quarkiverse.hexclave.verifier.HexclaveTokenVerifierTest.accepted;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkiverse.hexclave.testsupport.VerifierFixture;

/**
 * Signed tokens whose exp or iat lie beyond Instant's range, or overflow a long, are a typed rejection of the local
 * verifier, never an exception; at the largest time accepted and the largest clock skew nothing overflows either.
 */
class TimeClaimRangeTest {

    final VerifierFixture f = new VerifierFixture();

    @AfterEach
    void stop() {
        f.close();
    }

    @Test
    void timesBeyondInstantsRangeAreRejectedAsMistypedClaims() {
        var v = f.verifier();
        Object[] huge = { Long.MAX_VALUE, 31_556_889_864_403_200L, 1e300, 253_402_300_800L };
        for (Object value : huge) {
            assertThat(v.verify(f.tokens.normal().claim("exp", value).mint())).as("exp=%s", value)
                    .isEqualTo(new Verification.Rejected(RejectionReason.MISSING_CLAIM, "claim exp missing or mistyped"));
            assertThat(v.verify(f.tokens.normal().claim("iat", value).mint())).as("iat=%s", value)
                    .isEqualTo(new Verification.Rejected(RejectionReason.MISSING_CLAIM, "claim iat missing or mistyped"));
        }
        // Beyond a long: the payload reader refuses the number itself
        BigInteger beyondLong = new BigInteger("99999999999999999999");
        assertThat(v.verify(f.tokens.normal().claim("exp", beyondLong).mint()))
                .isEqualTo(new Verification.Rejected(RejectionReason.MALFORMED, "unreadable token payload"));
    }

    @Test
    void aClockSkewAboveFiveMinutesIsAConfigurationErrorNamingTheKey() {
        for (Duration tooLarge : new Duration[] { Duration.ofMinutes(5).plusSeconds(1), Duration.ofDays(3650),
                Duration.ofSeconds(Long.MAX_VALUE) }) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> f.settings().clockSkew(tooLarge).build())
                    .isInstanceOf(io.quarkiverse.hexclave.config.HexclaveConfigException.class)
                    .hasMessageStartingWith("hexclave.clock-skew must be at most 5m");
        }
        assertThat(f.settings().clockSkew(Duration.ofMinutes(5)).build().clockSkew()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void theLatestAcceptedExpiryWithTheLargestSkewDoesNotOverflow() {
        var v = f.verifier(b -> b.clockSkew(Duration.ofMinutes(5)));
        String token = f.tokens.normal().claim("exp", 253_402_300_799L).mint();

        HexclavePrincipal p = accepted(v.verify(token));
        assertThat(p.expiresAt().getEpochSecond()).isEqualTo(253_402_300_799L);
        accepted(v.verify(token)); // and again, from the verified-token cache, whose entry lives until exp + skew
    }
}
