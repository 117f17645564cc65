package io.quarkiverse.hexclave.verifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.quarkiverse.hexclave.testsupport.CapturedLogs;
import io.quarkiverse.hexclave.testsupport.HostileTokens;
import io.quarkiverse.hexclave.testsupport.JwksServer.Fault;
import io.quarkiverse.hexclave.testsupport.VerifierFixture;

/** Operators see stable codes and reasons; never a token, a claim value or a key. */
class NoSecretsInLogsTest {

    @Test
    void neitherTokensNorClaimsReachTheLogsEvenAtDebug() {
        try (VerifierFixture f = new VerifierFixture(); CapturedLogs logs = new CapturedLogs()) {
            var v = f.verifier(b -> b.secretServerKey("ssk_must_never_be_logged_0123456789"));
            v.verify(f.tokens.normal().mint());
            for (HostileTokens.Case c : HostileTokens.all()) {
                v.verify(c.token().apply(f));
            }
            assertThat(logs.texts()).isNotEmpty().allSatisfy(text -> assertThat(text)
                    .doesNotContain("eyJ").doesNotContain("ada@example.com").doesNotContain("Ada Lovelace")
                    .doesNotContain("ssk_must_never"));
        }
    }

    @Test
    void keyOutagesAreLoggedWithStableCodesAndNoTokens() {
        try (VerifierFixture f = new VerifierFixture(); CapturedLogs logs = new CapturedLogs()) {
            f.jwks.fault(Fault.STATUS_500);
            var v = f.verifier();
            Throwable e = catchThrowable(() -> v.verify(f.tokens.normal().mint()));
            assertThat(e).isInstanceOf(KeysUnavailableException.class).hasMessageContaining("HTTP 500");
            assertThat(logs.texts()).anySatisfy(t -> assertThat(t).contains("HEXCLAVE002").contains("HTTP 500"));

            f.jwks.fault(Fault.NONE);
            f.clock.advance(Duration.ofSeconds(5));
            v.verify(f.tokens.normal().mint());
            f.jwks.fault(Fault.GARBAGE);
            f.clock.advance(Duration.ofHours(2));
            v.verify(f.tokens.normal().mint());
            await(() -> logs.texts().stream().anyMatch(t -> t.contains("HEXCLAVE001")));
            f.clock.advance(Duration.ofSeconds(31));
            v.verify(f.tokens.normal().header("kid", "made-up-1").mint());
            v.verify(f.tokens.normal().header("kid", "made-up-2").mint());
            assertThat(logs.texts()).filteredOn(t -> t.contains("HEXCLAVE003")).hasSize(1);
            assertThat(logs.texts()).allSatisfy(t -> assertThat(t).doesNotContain("eyJ"));
        }
    }

    private static void await(java.util.function.BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        assertThat(condition.getAsBoolean()).as("condition within 5 s").isTrue();
    }
}
