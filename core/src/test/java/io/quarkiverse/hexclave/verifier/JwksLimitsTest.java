package io.quarkiverse.hexclave.verifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkiverse.hexclave.testsupport.TestKey;
import io.quarkiverse.hexclave.testsupport.VerifierFixture;

/** The key set's answer is bounded: its size and its number of keys. */
class JwksLimitsTest {

    final VerifierFixture f = new VerifierFixture();

    @AfterEach
    void stop() {
        f.close();
    }

    /** A key set of {@code n} keys, the fixture's signing key first. */
    String keySetOf(int n) {
        return IntStream.range(0, n).mapToObj(i -> i == 0 ? f.key1 : TestKey.generate("kid-" + i))
                .map(TestKey::publicJson).collect(Collectors.joining(",", "{\"keys\":[", "]}"));
    }

    @Test
    void aKeySetLargerThan64KiBFailsTheFetchAndNoKeysAreHeld() {
        f.jwks.rawBody("{\"keys\":[" + f.key1.publicJson() + "],\"padding\":\"" + "x".repeat(70 * 1024) + "\"}");
        var v = f.verifier();

        assertThatThrownBy(() -> v.verify(f.tokens.normal().mint())).isInstanceOf(KeysUnavailableException.class)
                .hasMessageContaining("response body larger than 65536 bytes");
        assertThat(v.jwksStatus().hasKeys()).isFalse();
        assertThat(v.jwksStatus().lastError()).hasValue("response body larger than 65536 bytes");
    }

    @Test
    void overASharedTransportWithALooserBodyLimitTheKeySetIsStillBoundedTo64KiB() {
        f.jwks.rawBody("{\"keys\":[" + f.key1.publicJson() + "],\"padding\":\"" + "x".repeat(70 * 1024) + "\"}");
        try (var shared = new io.quarkiverse.hexclave.client.JdkHttpTransport(java.time.Duration.ofSeconds(2))) {
            var v = HexclaveTokenVerifier.create(f.settings().build(), UserClassPolicy.NORMAL_ONLY, f.clock,
                    io.quarkiverse.hexclave.observe.HexclaveObserver.NONE, shared);

            assertThatThrownBy(() -> v.verify(f.tokens.normal().mint())).isInstanceOf(KeysUnavailableException.class)
                    .hasMessageContaining("response body larger than 65536 bytes");
        }
    }

    @Test
    void aKeySetWithMoreThan20KeysFailsTheFetchAndNoKeysAreHeld() {
        f.jwks.rawBody(keySetOf(21));
        var v = f.verifier();

        assertThatThrownBy(() -> v.verify(f.tokens.normal().mint())).isInstanceOf(KeysUnavailableException.class)
                .hasMessageContaining("more than 20");
        assertThat(v.jwksStatus().hasKeys()).isFalse();
    }

    @Test
    void twentyKeysAreAccepted() {
        f.jwks.rawBody(keySetOf(20));
        var v = f.verifier();

        HexclaveTokenVerifierTest.accepted(v.verify(f.tokens.normal().mint()));
        assertThat(v.jwksStatus().keyIds()).hasSize(20);
    }
}
