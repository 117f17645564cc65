package io.quarkiverse.hexclave.supabase;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.keys.HmacKey;
import org.jose4j.lang.JoseException;

import io.quarkiverse.hexclave.client.model.User;
import io.quarkiverse.hexclave.config.HexclaveConfigException;
import io.quarkiverse.hexclave.config.Secret;
import io.quarkiverse.hexclave.verifier.HexclavePrincipal;

/**
 * Mints the token of Hexclave's Supabase setup from a verified Hexclave user: an HS256 JWT signed with the project's
 * Supabase JWT secret, with {@code sub} = the Hexclave user id, {@code role} = {@code authenticated}, {@code iat} and
 * {@code exp} (one hour by default), plus any extra claims. Supabase (PostgREST) accepts it as a signed-in user, so
 * Row Level Security policies keyed on {@code auth.uid()} see the Hexclave user. The same works for any service that
 * trusts HS256 tokens signed with its own secret.
 * <p>
 * Restricted and anonymous users get no token unless allowed ({@link SupabaseTokenRefusedException}): a policy written
 * for {@code authenticated} would otherwise admit users who have not completed sign-up. Thread-safe and immutable;
 * tokens are returned as {@link Secret}s, so they never show up in a log by accident.
 */
public final class SupabaseTokens {

    /** The default token lifetime: one hour, as in Hexclave's Supabase guide. */
    public static final Duration DEFAULT_LIFETIME = Duration.ofHours(1);
    /** The role PostgREST switches to for these tokens. */
    public static final String ROLE = "authenticated";
    /** Claims the minter sets itself; extra claims may not replace them. */
    static final Set<String> RESERVED = Set.of("sub", "role", "iat", "exp");
    private static final String CONFIG_KEY = "supabase.jwt-secret";

    private final HmacKey key;
    private final Duration lifetime;
    private final boolean allowRestricted;
    private final boolean allowAnonymous;
    private final Clock clock;

    private SupabaseTokens(Builder b) {
        byte[] secret = b.jwtSecret.value().getBytes(StandardCharsets.UTF_8);
        if (secret.length < 32) {
            throw new HexclaveConfigException(CONFIG_KEY, "{key} is shorter than 32 bytes: HS256 needs a key of at "
                    + "least 256 bits; use the JWT secret of your Supabase project (Settings, API)");
        }
        this.key = new HmacKey(secret);
        this.lifetime = b.lifetime;
        this.allowRestricted = b.allowRestricted || b.allowAnonymous;
        this.allowAnonymous = b.allowAnonymous;
        this.clock = b.clock;
    }

    /** A minter with the defaults (one hour, restricted and anonymous users refused). */
    public static SupabaseTokens of(Secret jwtSecret) {
        return builder(jwtSecret).build();
    }

    /** A builder for the Supabase project's JWT secret (used as is, UTF-8, as PostgREST does). */
    public static Builder builder(Secret jwtSecret) {
        return new Builder(jwtSecret);
    }

    /** A token for the user of a verified access token. */
    public Secret mint(HexclavePrincipal principal) {
        return mint(principal, Map.of());
    }

    /**
     * A token for the user of a verified access token, with extra claims (e.g. {@code email}).
     *
     * @throws SupabaseTokenRefusedException for a restricted or anonymous user not allowed
     * @throws IllegalArgumentException if an extra claim is one the minter sets ({@code sub}, {@code role},
     *         {@code iat}, {@code exp})
     */
    public Secret mint(HexclavePrincipal principal, Map<String, ?> extraClaims) {
        Objects.requireNonNull(principal, "principal");
        check(principal.anonymous(), principal.restricted());
        return sign(principal.userId(), extraClaims);
    }

    /** A token for a user read from Hexclave (e.g. with {@code HexclaveClient}); as {@link #mint(HexclavePrincipal, Map)}. */
    public Secret mint(User user, Map<String, ?> extraClaims) {
        Objects.requireNonNull(user, "user");
        check(user.isAnonymous(), user.isRestricted());
        return sign(user.id(), extraClaims);
    }

    /** The token lifetime. */
    public Duration lifetime() {
        return lifetime;
    }

    private void check(boolean anonymous, boolean restricted) {
        if (anonymous && !allowAnonymous) {
            throw new SupabaseTokenRefusedException("No Supabase token for an anonymous user (not allowed)");
        }
        if (restricted && !allowRestricted) {
            throw new SupabaseTokenRefusedException("No Supabase token for a restricted user (not allowed)");
        }
    }

    private Secret sign(String userId, Map<String, ?> extraClaims) {
        Objects.requireNonNull(extraClaims, "extraClaims");
        JwtClaims claims = new JwtClaims();
        extraClaims.forEach((name, value) -> {
            if (RESERVED.contains(name)) {
                throw new IllegalArgumentException("The claim " + name + " is set by the minter");
            }
            claims.setClaim(name, value);
        });
        long now = clock.instant().getEpochSecond();
        claims.setSubject(Objects.requireNonNull(userId, "userId"));
        claims.setClaim("role", ROLE);
        claims.setClaim("iat", now);
        claims.setClaim("exp", now + lifetime.toSeconds());
        JsonWebSignature jws = new JsonWebSignature();
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
        jws.setHeader("typ", "JWT");
        jws.setPayload(claims.toJson());
        jws.setKey(key);
        try {
            return new Secret(jws.getCompactSerialization());
        } catch (JoseException e) {
            throw new IllegalStateException("HS256 signing failed", e); // not reachable with a 256-bit key
        }
    }

    @Override
    public String toString() {
        return "SupabaseTokens[lifetime=" + lifetime + ", allowRestricted=" + allowRestricted + ", allowAnonymous="
                + allowAnonymous + "]";
    }

    /** Settings of a {@link SupabaseTokens}. */
    public static final class Builder {
        private final Secret jwtSecret;
        private Duration lifetime = DEFAULT_LIFETIME;
        private boolean allowRestricted;
        private boolean allowAnonymous;
        private Clock clock = Clock.systemUTC();

        private Builder(Secret jwtSecret) {
            this.jwtSecret = Objects.requireNonNull(jwtSecret, "jwtSecret");
        }

        /** Token lifetime ({@code exp - iat}); positive. Default one hour. */
        public Builder lifetime(Duration lifetime) {
            if (Objects.requireNonNull(lifetime, "lifetime").isNegative() || lifetime.toSeconds() < 1) {
                throw new HexclaveConfigException("supabase.lifetime", "{key} must be at least one second");
            }
            this.lifetime = lifetime;
            return this;
        }

        /** Mint tokens for restricted users too (default: refused). */
        public Builder allowRestrictedUsers(boolean allow) {
            this.allowRestricted = allow;
            return this;
        }

        /** Mint tokens for anonymous users too; implies restricted (default: refused). */
        public Builder allowAnonymousUsers(boolean allow) {
            this.allowAnonymous = allow;
            return this;
        }

        /** The clock {@code iat} and {@code exp} are read from. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * @throws HexclaveConfigException (key {@code supabase.jwt-secret}) for a secret shorter than 32 bytes
         */
        public SupabaseTokens build() {
            return new SupabaseTokens(this);
        }
    }
}
