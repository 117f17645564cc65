package io.quarkiverse.hexclave.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkiverse.hexclave.testsupport.HostileTokens;
import io.quarkiverse.hexclave.testsupport.VerifierFixture;

/**
 * Every malformed or hostile token is rejected, with the right reason, without an exception escaping, and without the
 * rejection detail echoing the token or its claims.
 */
class HostileTokenCorpusTest {

    static VerifierFixture f;
    static HexclaveTokenVerifier verifier;

    @BeforeAll
    static void start() {
        f = new VerifierFixture();
        verifier = f.verifier();
        assertThat(verifier.verify(f.tokens.normal().mint()).accepted()).as("positive control").isTrue();
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    static List<HostileTokens.Case> corpus() {
        return HostileTokens.all();
    }

    @Test
    void theCorpusHasAtLeastFortyVectors() {
        assertThat(corpus()).hasSizeGreaterThanOrEqualTo(40);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void isRejectedWithTheRightReason(HostileTokens.Case hostile) {
        String token = hostile.token().apply(f);

        Verification outcome = verifier.verify(token);

        assertThat(outcome).isInstanceOf(Verification.Rejected.class);
        Verification.Rejected rejected = (Verification.Rejected) outcome;
        assertThat(rejected.reason()).isEqualTo(hostile.expected());
        assertThat(rejected.detail()).doesNotContain("eyJ").doesNotContain("ada@example.com").doesNotContain("Ada Lovelace");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void isRejectedTheSameWayAsynchronously(HostileTokens.Case hostile) {
        Verification outcome = verifier.verifyAsync(hostile.token().apply(f)).toCompletableFuture().join();
        assertThat(outcome).isInstanceOf(Verification.Rejected.class);
        assertThat(((Verification.Rejected) outcome).reason()).isEqualTo(hostile.expected());
    }
}
