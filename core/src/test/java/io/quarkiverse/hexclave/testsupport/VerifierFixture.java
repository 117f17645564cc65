package io.quarkiverse.hexclave.testsupport;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

import io.quarkiverse.hexclave.emulator.MovableClock;
import io.quarkiverse.hexclave.config.HexclaveSettings;
import io.quarkiverse.hexclave.verifier.JwtTokenVerifier;
import io.quarkiverse.hexclave.verifier.UserClass;

/**
 * A project with published keys on a loopback JWKS server, a token factory signing with the first key, and a clock.
 */
public final class VerifierFixture implements AutoCloseable {

    public final String projectId = UUID.randomUUID().toString();
    public final TestKey key1 = TestKey.generate("kid-legacy-1");
    public final TestKey key2 = TestKey.generate("kid-current");
    public final TestKey foreignKey = TestKey.generate("kid-foreign");
    /** Published only for restricted users ({@code include_restricted}), as Hexclave keys each audience class apart. */
    public final TestKey restrictedKey = TestKey.generate("kid-restricted");
    /** Published only for anonymous users ({@code include_anonymous}). */
    public final TestKey anonymousKey = TestKey.generate("kid-anonymous");
    public final MovableClock clock = new MovableClock();
    public final JwksServer jwks = new JwksServer(projectId, key1, key2).restrictedKeys(restrictedKey)
            .anonymousKeys(anonymousKey);
    /** Signs normal tokens with {@link #key1}, restricted and anonymous ones with their class's key. */
    public final TokenFactory tokens = new TokenFactory(projectId, jwks.apiUrl(), clock, key1,
            Map.of(UserClass.RESTRICTED, restrictedKey, UserClass.ANONYMOUS, anonymousKey));

    public HexclaveSettings.Builder settings() {
        return HexclaveSettings.builder(projectId).apiUrl(jwks.apiUrl())
                .connectTimeout(Duration.ofSeconds(2)).readTimeout(Duration.ofSeconds(2))
                .jwksRefreshCooldown(Duration.ofSeconds(30));
    }

    public JwtTokenVerifier verifier() {
        return new JwtTokenVerifier(settings().build(), clock);
    }

    public JwtTokenVerifier verifier(UnaryOperator<HexclaveSettings.Builder> customiser) {
        return new JwtTokenVerifier(customiser.apply(settings()).build(), clock);
    }

    @Override
    public void close() {
        jwks.close();
    }
}
