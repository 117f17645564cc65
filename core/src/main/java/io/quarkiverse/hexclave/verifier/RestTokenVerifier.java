package io.quarkiverse.hexclave.verifier;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.regex.Pattern;

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
 * ({@code UNPARSABLE_ACCESS_TOKEN}, or not a compact JWS at all: no call is made), {@code WRONG_ISSUER} (an issuer
 * not accepted, decided locally), {@code WRONG_AUDIENCE}
 * ({@code INVALID_PROJECT_FOR_ACCESS_TOKEN}), {@code RESTRICTED_USER_NOT_ALLOWED}, {@code ANONYMOUS_USER_NOT_ALLOWED},
 * {@code REVOKED} (the user was deleted), {@code MISSING_CLAIM} (a claim every Hexclave token has is absent),
 * {@code INCONSISTENT_CLAIMS} (Hexclave's user is not the token's subject).</li>
 * <li>{@link KeysUnavailableException}: Hexclave unreachable, timing out, answering 5xx/429, or refusing the
 * <em>server's</em> credentials (an operator error): not the caller's fault, adapters answer 503.</li>
 * </ul>
 * Before calling, the token's unverified claims are checked against the settings (expiry with the clock skew, audience
 * and {@code project_id}, issuer, user class): what they already rule out is rejected without a call.
 * <p>
 * Restricted and anonymous users are accepted only when the settings allow them (the allow headers are sent
 * accordingly). Results are cached for a few seconds (bounded, keyed by the SHA-256 of the token, never longer
 * than the token lives) when a cache TTL is given. Thread-safe.
 */
public final class RestTokenVerifier {

    private static final Logger LOG = Logger.getLogger(RestTokenVerifier.class);

    /** Default result cache: 5 seconds, 10 000 tokens. */
    public static final Duration DEFAULT_CACHE_TTL = Duration.ofSeconds(5);
    public static final int DEFAULT_CACHE_SIZE = 10_000;

    /** The compact JWS shape, checked before anything else looks at a token. */
    private static final Pattern JWS_SHAPE = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");

    private final HexclaveClient client;
    private final HexclaveSettings settings;
    private final Clock clock;
    private final Map<String, UserClass> issuers;
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
        this.settings = client.settings();
        this.clock = Objects.requireNonNull(clock, "clock");
        this.issuers = HexclaveTokenVerifier.issuers(settings);
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

    /**
     * Verifies {@code token}; the stage fails with {@link KeysUnavailableException} when Hexclave cannot answer.
     * Tokens that are not compact JWS (base64url parts only, at most 8 KiB), or whose unverified claims already rule
     * them out (expired, another project, an issuer not accepted, a user class not allowed), are rejected without a
     * call. A forged token with plausible claims still costs one call (the signature is Hexclave's to check here); where
     * that matters, verify the signature locally first ({@link HexclaveTokenVerifier}) and use this class only for
     * tokens that passed.
     */
    public CompletionStage<Verification> verifyAsync(String token) {
        if (token == null || token.isBlank()) {
            return CompletableFuture.completedFuture(Verification.Rejected.of(RejectionReason.MISSING));
        }
        String raw = token.strip();
        if (raw.length() > HexclaveTokenVerifier.MAX_TOKEN_LENGTH || !JWS_SHAPE.matcher(raw).matches()) {
            return CompletableFuture.completedFuture(Verification.Rejected.of(RejectionReason.MALFORMED));
        }
        try {
            Map<String, Object> claims = payload(raw);
            if (claims == null) {
                return CompletableFuture.completedFuture(Verification.Rejected.of(RejectionReason.MALFORMED));
            }
            Verification local = rejectLocally(claims);
            if (local != null) {
                LOG.debugf("Access token rejected without asking Hexclave: %s", local);
                return CompletableFuture.completedFuture(local);
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
                Instant notAfter = expiry(claims);
                if (key != null && (notAfter == null || notAfter.isAfter(clock.instant()))) {
                    cache.put(key, v, notAfter);
                }
                return v;
            });
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(unexpected(e));
        }
    }

    /**
     * The rejections the token's own (unverified) claims already decide, with the settings at hand; {@code null} when
     * only Hexclave can tell. An unverified claim can only lead to a rejection here, never to an acceptance.
     */
    private Verification rejectLocally(Map<String, Object> claims) {
        for (String claim : new String[] { "sub", "aud", "iss", "exp" }) {
            if (claims.get(claim) == null) { // every Hexclave access token has them
                return Verification.Rejected.of(RejectionReason.MISSING_CLAIM);
            }
        }
        if (claims.get("exp") instanceof Number exp
                && clock.instant().getEpochSecond() > exp.longValue() + settings.clockSkew().getSeconds()) {
            return Verification.Rejected.of(RejectionReason.EXPIRED);
        }
        Object aud = claims.get("aud");
        String audSuffix = null;
        if (aud != null) {
            if (!(aud instanceof String a)) {
                return new Verification.Rejected(RejectionReason.WRONG_AUDIENCE, "aud must be a single string");
            }
            int colon = a.indexOf(':');
            if (!(colon < 0 ? a : a.substring(0, colon)).equals(settings.projectId())) {
                return new Verification.Rejected(RejectionReason.WRONG_AUDIENCE, "token is for another project");
            }
            audSuffix = colon < 0 ? "" : a.substring(colon + 1);
        }
        Object projectId = claims.get("project_id");
        if (projectId != null && !settings.projectId().equals(projectId)) {
            return new Verification.Rejected(RejectionReason.WRONG_AUDIENCE, "token is for another project");
        }
        UserClass issuerClass = claims.get("iss") instanceof String iss ? issuers.get(iss) : null;
        if (issuerClass == null) {
            return new Verification.Rejected(RejectionReason.WRONG_ISSUER, "issuer not accepted");
        }
        boolean anonymous = issuerClass == UserClass.ANONYMOUS || "anon".equals(audSuffix)
                || Boolean.TRUE.equals(claims.get("is_anonymous"));
        boolean restricted = anonymous || issuerClass == UserClass.RESTRICTED || "restricted".equals(audSuffix)
                || Boolean.TRUE.equals(claims.get("is_restricted"));
        if (anonymous && !settings.allowAnonymousUsers()) {
            return Verification.Rejected.of(RejectionReason.ANONYMOUS_USER_NOT_ALLOWED);
        }
        if (restricted && !settings.allowRestrictedUsers()) {
            return Verification.Rejected.of(RejectionReason.RESTRICTED_USER_NOT_ALLOWED);
        }
        return null;
    }

    private static Verification accept(String raw, Map<String, Object> claims, User user) {
        HexclavePrincipal principal;
        try {
            principal = HexclavePrincipal.fromVerifiedClaims(raw, claims);
        } catch (RuntimeException e) { // never log its message: it may quote a claim
            LOG.debugf("Hexclave accepted a token lacking a standard claim (%s)", e.getClass().getSimpleName());
            return Verification.Rejected.of(RejectionReason.MISSING_CLAIM);
        }
        if (user == null || !principal.userId().equals(user.id())) {
            return Verification.Rejected.of(RejectionReason.INCONSISTENT_CLAIMS);
        }
        return new Verification.Accepted(principal);
    }

    /** Anything but a Hexclave answer: a fixed message (the cause's message could quote the token), no cause kept. */
    private static KeysUnavailableException unexpected(Throwable error) {
        LOG.debugf("Token verification through Hexclave failed unexpectedly (%s)", error.getClass().getName());
        return new KeysUnavailableException("Hexclave could not verify a token (unexpected "
                + error.getClass().getSimpleName() + ")");
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
        } else if (error instanceof KeysUnavailableException k) {
            throw k;
        } else {
            throw unexpected(error);
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
            if (claims == null) {
                return null;
            }
            claims.replaceAll((k, v) -> v instanceof Integer i ? Long.valueOf(i) : v);
            return claims;
        } catch (IllegalArgumentException | java.io.IOException e) {
            return null;
        }
    }

    private static Instant expiry(Map<String, Object> claims) {
        return claims.get("exp") instanceof Number n ? Instant.ofEpochSecond(n.longValue()) : null;
    }

    private static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
