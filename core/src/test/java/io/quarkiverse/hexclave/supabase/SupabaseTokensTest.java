package io.quarkiverse.hexclave.supabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.HmacKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkiverse.hexclave.config.HexclaveConfigException;
import io.quarkiverse.hexclave.config.HexclaveSettings;
import io.quarkiverse.hexclave.config.Secret;
import io.quarkiverse.hexclave.emulator.HexclaveEmulator;
import io.quarkiverse.hexclave.emulator.UserClass;
import io.quarkiverse.hexclave.verifier.HexclavePrincipal;
import io.quarkiverse.hexclave.verifier.HexclaveTokenVerifier;
import io.quarkiverse.hexclave.verifier.Verification;

/** Supabase tokens minted from verified Hexclave users, read back the way PostgREST reads them. */
class SupabaseTokensTest {

    static final Secret JWT_SECRET = new Secret("super-secret-jwt-token-with-at-least-32-characters-long");

    private static HexclaveEmulator emulator;
    private static HexclaveTokenVerifier verifier;

    @BeforeAll
    static void start() {
        emulator = HexclaveEmulator.builder().build().start();
        verifier = HexclaveTokenVerifier.create(HexclaveSettings.builder(emulator.projectId()).apiUrl(emulator.apiUrl())
                .allowRestrictedUsers(true).allowAnonymousUsers(true).build());
    }

    @AfterAll
    static void stop() {
        verifier.close();
        emulator.close();
    }

    /** A principal of the class, from a token the emulator minted and the real verifier accepted. */
    static HexclavePrincipal principal(UserClass userClass) {
        Verification v = verifier.verify(emulator.mintAccessToken(userClass));
        assertThat(v).isInstanceOf(Verification.Accepted.class);
        return ((Verification.Accepted) v).principal();
    }

    /** PostgREST's check: HS256 only, signed with the JWT secret as UTF-8 bytes, exp required and not past. */
    static JwtClaims asPostgrest(Secret token, Secret secret) throws InvalidJwtException {
        JwtConsumer consumer = new JwtConsumerBuilder()
                .setJwsAlgorithmConstraints(AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.HMAC_SHA256)
                .setVerificationKey(new HmacKey(secret.value().getBytes(StandardCharsets.UTF_8)))
                .setRequireExpirationTime()
                .setAllowedClockSkewInSeconds(30)
                .setSkipDefaultAudienceValidation() // PostgREST checks aud only when jwt-aud is configured
                .build();
        return consumer.processToClaims(token.value());
    }

    @Test
    void mintedTokenIsAcceptedAsAnAuthenticatedSupabaseUser() throws Exception {
        HexclavePrincipal ada = principal(UserClass.NORMAL);
        Secret token = SupabaseTokens.of(JWT_SECRET).mint(ada);
        JwtClaims claims = asPostgrest(token, JWT_SECRET);
        assertThat(claims.getSubject()).isEqualTo(ada.userId());
        assertThat(claims.getStringClaimValue("role")).isEqualTo("authenticated");
        assertThat(claims.getExpirationTime().getValue() - claims.getIssuedAt().getValue()).isEqualTo(3600);
        assertThat(Math.abs(claims.getIssuedAt().getValue() - System.currentTimeMillis() / 1000)).isLessThan(60);
        assertThat(token.toString()).doesNotContain(token.value());
    }

    @Test
    void anotherSecretDoesNotVerify() {
        Secret token = SupabaseTokens.of(JWT_SECRET).mint(principal(UserClass.NORMAL));
        assertThatThrownBy(() -> asPostgrest(token, new Secret("another-secret-of-the-same-length-but-not-the-same!!")))
                .isInstanceOf(InvalidJwtException.class);
    }

    @Test
    void lifetimeAndExtraClaimsAreConfigurable() throws Exception {
        SupabaseTokens tokens = SupabaseTokens.builder(JWT_SECRET).lifetime(Duration.ofMinutes(5)).build();
        HexclavePrincipal ada = principal(UserClass.NORMAL);
        JwtClaims claims = asPostgrest(tokens.mint(ada, Map.of("email", "ada@example.com", "app_role", "editor")),
                JWT_SECRET);
        assertThat(claims.getExpirationTime().getValue() - claims.getIssuedAt().getValue()).isEqualTo(300);
        assertThat(claims.getStringClaimValue("email")).isEqualTo("ada@example.com");
        assertThat(claims.getStringClaimValue("app_role")).isEqualTo("editor");
        assertThatThrownBy(() -> tokens.mint(ada, Map.of("role", "service_role")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("role");
        assertThatThrownBy(() -> SupabaseTokens.builder(JWT_SECRET).lifetime(Duration.ZERO))
                .isInstanceOf(HexclaveConfigException.class);
    }

    @Test
    void restrictedAndAnonymousUsersAreRefusedUnlessAllowed() throws Exception {
        HexclavePrincipal restricted = principal(UserClass.RESTRICTED);
        HexclavePrincipal anonymous = principal(UserClass.ANONYMOUS);
        SupabaseTokens strict = SupabaseTokens.of(JWT_SECRET);
        assertThatThrownBy(() -> strict.mint(restricted)).isInstanceOf(SupabaseTokenRefusedException.class)
                .hasMessageContaining("restricted").hasMessageNotContaining(restricted.userId());
        assertThatThrownBy(() -> strict.mint(anonymous)).isInstanceOf(SupabaseTokenRefusedException.class)
                .hasMessageContaining("anonymous");

        SupabaseTokens restrictedAllowed = SupabaseTokens.builder(JWT_SECRET).allowRestrictedUsers(true).build();
        assertThat(asPostgrest(restrictedAllowed.mint(restricted), JWT_SECRET).getSubject())
                .isEqualTo(restricted.userId());
        assertThatThrownBy(() -> restrictedAllowed.mint(anonymous)).isInstanceOf(SupabaseTokenRefusedException.class);

        SupabaseTokens anonymousAllowed = SupabaseTokens.builder(JWT_SECRET).allowAnonymousUsers(true).build();
        assertThat(asPostgrest(anonymousAllowed.mint(anonymous), JWT_SECRET).getSubject())
                .isEqualTo(anonymous.userId());
    }

    @Test
    void shortSecretIsAConfigErrorThatDoesNotShowIt() {
        assertThatThrownBy(() -> SupabaseTokens.of(new Secret("too-short-s3cr3t")))
                .isInstanceOf(HexclaveConfigException.class)
                .hasMessageContaining("hexclave.supabase.jwt-secret")
                .hasMessageNotContaining("s3cr3t");
        assertThat(SupabaseTokens.of(JWT_SECRET).toString()).doesNotContain(JWT_SECRET.value());
    }
}
