package io.quarkiverse.hexclave.verifier;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.type.TypeReference;

import io.quarkiverse.hexclave.client.HexclaveClient;
import io.quarkiverse.hexclave.client.error.AccessTokenExpiredException;
import io.quarkiverse.hexclave.client.error.AnonymousAuthenticationNotAllowedException;
import io.quarkiverse.hexclave.client.error.CannotGetOwnUserWithoutUserException;
import io.quarkiverse.hexclave.client.error.HexclaveApiException;
import io.quarkiverse.hexclave.client.error.HexclaveConnectionException;
import io.quarkiverse.hexclave.client.error.InvalidProjectForAccessTokenException;
import io.quarkiverse.hexclave.client.error.ProjectAuthenticationException;
import io.quarkiverse.hexclave.client.error.RefreshTokenNotFoundOrExpiredException;
import io.quarkiverse.hexclave.client.error.RestrictedUserNotAllowedException;
import io.quarkiverse.hexclave.client.error.UnparsableAccessTokenException;
import io.quarkiverse.hexclave.client.error.UserNotFoundException;
import io.quarkiverse.hexclave.client.internal.Json;
import io.quarkiverse.hexclave.client.internal.RequestSender;
import io.quarkiverse.hexclave.client.internal.TtlCache;
import io.quarkiverse.hexclave.client.model.User;
import io.quarkiverse.hexclave.config.HexclaveConfigException;
import io.quarkiverse.hexclave.config.HexclaveSettings;
import io.quarkiverse.hexclave.config.Secret;
import io.quarkiverse.hexclave.credential.HexclaveCredential;

/**
 * Verifies an access token by asking Hexclave ({@code GET /users/me} with server access, wire reference §9.4)
 * instead of checking its signature locally. Deleted users and revoked access are noticed at once, at the cost of one
 * round trip per token (per {@link #cacheTtl()}, if the cache is on).
 * <p>
 * Outcomes, as with the local verifier:
 * <ul>
 * <li>{@link Verification.Accepted}: Hexclave accepted the token; the principal is built from the token's own
 * payload (decoded without a signature check: Hexclave just validated it).</li>
 * <li>{@link Verification.Rejected}: {@code EXPIRED} ({@code ACCESS_TOKEN_EXPIRED}), {@code MALFORMED}
 * ({@code UNPARSABLE_ACCESS_TOKEN}, or not a JWT at all: no call is made), {@code WRONG_AUDIENCE}
 * ({@code INVALID_PROJECT_FOR_ACCESS_TOKEN}), {@code RESTRICTED_USER_NOT_ALLOWED}, {@code ANONYMOUS_USER_NOT_ALLOWED},
 * {@code REVOKED} (the user was deleted), {@code MISSING_CLAIM} (a claim every Hexclave token has is absent),
 * {@code INCONSISTENT_CLAIMS} (Hexclave's user is not the token's subject).</li>
 * <li>{@link KeysUnavailableException}: Hexclave unreachable, timing out, answering 5xx/429, or refusing the
 * <em>server's</em> credentials (an operator error): not the caller's fault, adapters answer 503.</li>
 * </ul>
 * Restricted and anonymous users are accepted only when the settings allow them (the allow headers are sent
 * accordingly). Results are cached for a few seconds (bounded, keyed by the SHA-256 of the token, never longer
 * than the token lives) when a cache TTL is given. Thread-safe.
 */
public final class RestTokenVerifier {

    private static final Logger LOG = Logger.getLogger(RestTokenVerifier.class);

    /** Default result cache: 5 seconds, 10 000 tokens. */
    public static final Duration DEFAULT_CACHE_TTL = Duration.ofSeconds(5);
    public static final int DEFAULT_CACHE_SIZE = 10_000;

    private final HexclaveClient client;
    private final TtlCache<String, Verification> cache;

    /**
     * A verifier over {@code client} with the default cache.
     *
     * @throws HexclaveConfigException if the client's settings have no secret server key
     */
    public RestTokenVerifier(HexclaveClient client) {
        this(client, DEFAULT_CACHE_TTL, DEFAULT_CACHE_SIZE, Clock.systemUTC());
    }

    /**
     * A verifier over {@code client}; {@code cacheTtl} zero turns the cache off.
     *
     * @throws HexclaveConfigException if the client's settings have no secret server key
     */
    public RestTokenVerifier(HexclaveClient client, Duration cacheTtl, int cacheSize, Clock clock) {
        this.client = Objects.requireNonNull(client, "client");
        if (client.settings().secretServerKey().isEmpty()) {
            throw new HexclaveConfigException("REST token verification needs a secret server key: set "
                    + HexclaveSettings.KEY_SECRET_SERVER_KEY + " (or HEXCLAVE_SECRET_SERVER_KEY).");
        }
        this.cache = cacheTtl.isZero() ? null : new TtlCache<>(cacheSize, cacheTtl, clock);
    }

    /** How long results are reused; zero when the cache is off. */
    public Duration cacheTtl() {
        return cache == null ? Duration.ZERO : cache.ttl();
    }

    /**
     * Verifies the access token of a credential found in a request, as {@link HexclaveTokenVerifier#verify(HexclaveCredential)}
     * does; a credential without an access token is {@link RejectionReason#MISSING}.
     *
     * @throws KeysUnavailableException when Hexclave cannot give an answer
     */
    public Verification verify(HexclaveCredential credential) {
        return RequestSender.await(verifyAsync(credential));
    }

    /** As {@link #verify(HexclaveCredential)}, without blocking. */
    public CompletionStage<Verification> verifyAsync(HexclaveCredential credential) {
        return credential.accessToken().map(t -> verifyAsync(t.value()))
                .orElseGet(() -> CompletableFuture.completedFuture(Verification.Rejected.of(RejectionReason.MISSING)));
    }

    /**
     * Verifies {@code token} (blocking).
     *
     * @throws KeysUnavailableException when Hexclave cannot give an answer
     */
    public Verification verify(String token) {
        return RequestSender.await(verifyAsync(token));
    }

    /** Verifies {@code token}; the stage fails with {@link KeysUnavailableException} when Hexclave cannot answer. */
    public CompletionStage<Verification> verifyAsync(String token) {
        if (token == null || token.isBlank()) {
            return CompletableFuture.completedFuture(Verification.Rejected.of(RejectionReason.MISSING));
        }
        String raw = token.strip();
        Map<String, Object> claims = payload(raw);
        if (claims == null) {
            return CompletableFuture.completedFuture(Verification.Rejected.of(RejectionReason.MALFORMED));
        }
        String key = cache == null ? null : sha256(raw);
        if (key != null) {
            var hit = cache.get(key);
            if (hit.isPresent()) {
                return CompletableFuture.completedFuture(hit.get());
            }
        }
        return client.users().meAsync(new Secret(raw)).handle((user, error) -> {
            Verification v = error == null ? accept(raw, claims, user) : reject(RequestSender.unwrap(error));
            if (key != null) {
                cache.put(key, v, expiry(claims));
            }
            return v;
        });
    }

    private static Verification accept(String raw, Map<String, Object> claims, User user) {
        HexclavePrincipal principal;
        try {
            principal = HexclavePrincipal.fromVerifiedClaims(raw, claims);
        } catch (IllegalArgumentException e) {
            LOG.debugf("Hexclave accepted a token lacking a standard claim: %s", e.getMessage());
            return Verification.Rejected.of(RejectionReason.MISSING_CLAIM);
        }
        if (user.id() != null && !user.id().equals(principal.userId())) {
            return Verification.Rejected.of(RejectionReason.INCONSISTENT_CLAIMS);
        }
        return new Verification.Accepted(principal);
    }

    private static Verification reject(RuntimeException error) {
        RejectionReason reason;
        if (error instanceof AccessTokenExpiredException) {
            reason = RejectionReason.EXPIRED;
        } else if (error instanceof UnparsableAccessTokenException) {
            reason = RejectionReason.MALFORMED;
        } else if (error instanceof InvalidProjectForAccessTokenException) {
            reason = RejectionReason.WRONG_AUDIENCE;
        } else if (error instanceof RestrictedUserNotAllowedException) {
            reason = RejectionReason.RESTRICTED_USER_NOT_ALLOWED;
        } else if (error instanceof AnonymousAuthenticationNotAllowedException) {
            reason = RejectionReason.ANONYMOUS_USER_NOT_ALLOWED;
        } else if (error instanceof CannotGetOwnUserWithoutUserException || error instanceof UserNotFoundException
                || error instanceof RefreshTokenNotFoundOrExpiredException) {
            reason = RejectionReason.REVOKED;
        } else if (error instanceof ProjectAuthenticationException p) {
            throw new KeysUnavailableException("Hexclave refused this server's project credentials (" + p.code()
                    + "); check " + HexclaveSettings.KEY_SECRET_SERVER_KEY + " and " + HexclaveSettings.KEY_PROJECT_ID, p);
        } else if (error instanceof HexclaveConnectionException c) {
            throw new KeysUnavailableException("Hexclave could not be reached to verify a token: " + c.getMessage(), c);
        } else if (error instanceof HexclaveApiException a) {
            throw new KeysUnavailableException("Hexclave could not verify a token: " + a.getMessage(), a);
        } else {
            throw error;
        }
        LOG.debugf("Hexclave rejected an access token: %s", reason);
        return Verification.Rejected.of(reason);
    }

    /** The JWT payload as claims (numbers as {@code Long} or {@code Double}), or {@code null} if it is not a JWT. */
    static Map<String, Object> payload(String token) {
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3 || parts[1].isEmpty()) {
            return null;
        }
        try {
            byte[] json = Base64.getUrlDecoder().decode(parts[1]);
            Map<String, Object> claims = Json.MAPPER.readValue(json, new TypeReference<Map<String, Object>>() {
            });
            claims.replaceAll((k, v) -> v instanceof Integer i ? Long.valueOf(i) : v);
            return claims;
        } catch (IllegalArgumentException | java.io.IOException e) {
            return null;
        }
    }

    private static java.time.Instant expiry(Map<String, Object> claims) {
        return claims.get("exp") instanceof Number n ? java.time.Instant.ofEpochSecond(n.longValue()) : null;
    }

    private static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
