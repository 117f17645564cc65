package io.quarkiverse.hexclave.verifier;

import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.Provider;
import java.security.Security;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.jboss.logging.Logger;
import org.jose4j.json.JsonUtil;
import org.jose4j.jca.ProviderContext;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.lang.JoseException;

import io.quarkiverse.hexclave.config.HexclaveConfigException;
import io.quarkiverse.hexclave.config.HexclaveSettings;
import io.quarkiverse.hexclave.credential.HexclaveCredential;
import io.quarkiverse.hexclave.internal.VerifiedTokenCache;

/**
 * Verifies Hexclave access tokens locally, against the project's JWKS (Hexclave wire reference §3.6).
 * <ol>
 * <li>Compact JWS only; {@code alg} exactly ES256; no {@code jku}, {@code x5u}, {@code jwk}, {@code x5c} or
 * {@code crit} header.</li>
 * <li>The key is found by {@code kid} in the cached JWKS (see {@link JwksCache} for fetching rules); the signature is
 * checked with the configured JCA provider.</li>
 * <li>{@code aud} is a single string whose project part is this project and whose suffix names the user class;
 * {@code iss} is the issuer of that class at one of the accepted origins ({@code api.hexclave.com} and its
 * {@code api.stack-auth.com} alias by default).</li>
 * <li>{@code exp} and {@code iat} within the clock skew; {@code branch_id == "main"}; the consistency rules between
 * {@code is_anonymous}, {@code is_restricted}, {@code restricted_reason} and the audience; the legacy claim
 * fallbacks; restricted and anonymous users only when allowed.</li>
 * </ol>
 * A token verified before is recognised by its SHA-256 and not verified again until it expires (see
 * {@link HexclaveSettings#verifiedTokenCacheSize()}).
 * <p>
 * Thread-safe; create one per project and share it. Construction makes no network call.
 */
public final class HexclaveTokenVerifier {

    private static final Logger LOG = Logger.getLogger(HexclaveTokenVerifier.class);
    private static final AlgorithmConstraints ES256_ONLY = new AlgorithmConstraints(
            AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256);
    private static final List<String> FORBIDDEN_HEADERS = List.of("jku", "x5u", "jwk", "x5c", "crit");
    /** Longest token looked at; Hexclave's are under 1.5 KiB. */
    static final int MAX_TOKEN_LENGTH = 8 * 1024;

    private final HexclaveSettings settings;
    private final Clock clock;
    private final JwksCache jwks;
    private final ProviderContext providerContext;
    private final Map<String, UserClass> issuers;
    private final VerifiedTokenCache verified;
    private final long keyWaitMillis;

    /** A verifier that fetches keys with its own HTTP client. */
    public HexclaveTokenVerifier(HexclaveSettings settings) {
        this(settings, Clock.systemUTC());
    }

    /** As {@link #HexclaveTokenVerifier(HexclaveSettings)}, on the given clock (tests). */
    public HexclaveTokenVerifier(HexclaveSettings settings, Clock clock) {
        this(settings, clock, HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build());
    }

    /** As {@link #HexclaveTokenVerifier(HexclaveSettings, Clock)}, sharing an existing HTTP client. */
    public HexclaveTokenVerifier(HexclaveSettings settings, Clock clock, HttpClient httpClient) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.jwks = new JwksCache(settings.jwksUri(), httpClient, settings.readTimeout(), settings.jwksCacheTime(),
                settings.jwksRefreshCooldown(), clock, settings.jcaProvider().orElse(null));
        this.providerContext = providerContext(settings);
        this.issuers = issuers(settings);
        this.verified = new VerifiedTokenCache(settings.verifiedTokenCacheSize());
        this.keyWaitMillis = settings.connectTimeout().plus(settings.readTimeout()).plus(Duration.ofSeconds(1)).toMillis();
    }

    public HexclaveSettings settings() {
        return settings;
    }

    /**
     * Verifies the access token of a credential found in a request. A credential without an access token (only a
     * refresh token) is {@link RejectionReason#MISSING}.
     *
     * @throws KeysUnavailableException when the keys cannot be fetched and none are at hand
     */
    public Verification verify(HexclaveCredential credential) {
        return credential.accessToken().map(t -> verify(t.value())).orElseGet(() -> Verification.Rejected.of(RejectionReason.MISSING));
    }

    /**
     * Verifies an access token. Blocks only when the keys must be fetched (the first token, an unknown key id, no
     * keys at hand), at most for the connect plus read timeout.
     *
     * @throws KeysUnavailableException when the keys cannot be fetched and none are at hand
     */
    public Verification verify(String token) {
        Object prepared = prepare(token);
        if (prepared instanceof Verification v) {
            return v;
        }
        Parsed parsed = (Parsed) prepared;
        Verification disallowed = disallowedClassBeforeFetch(parsed);
        if (disallowed != null) {
            return disallowed;
        }
        CompletableFuture<JwksCache.Lookup> lookup = jwks.lookup(parsed.kid());
        try {
            return finish(parsed, lookup.get(keyWaitMillis, TimeUnit.MILLISECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KeysUnavailableException("interrupted while fetching Hexclave's signing keys");
        } catch (TimeoutException e) {
            throw new KeysUnavailableException("Hexclave's signing keys are unavailable: timed out");
        } catch (ExecutionException e) {
            throw unwrap(e.getCause());
        }
    }

    /** As {@link #verify(HexclaveCredential)}, never blocking the calling thread. */
    public CompletionStage<Verification> verifyAsync(HexclaveCredential credential) {
        return credential.accessToken().map(t -> verifyAsync(t.value()))
                .orElseGet(() -> CompletableFuture.completedFuture(Verification.Rejected.of(RejectionReason.MISSING)));
    }

    /**
     * As {@link #verify(String)}, never blocking the calling thread: a needed key fetch runs on the HTTP client's
     * threads. The stage fails with {@link KeysUnavailableException} when keys cannot be had.
     */
    public CompletionStage<Verification> verifyAsync(String token) {
        Object prepared = prepare(token);
        if (prepared instanceof Verification v) {
            return CompletableFuture.completedFuture(v);
        }
        Parsed parsed = (Parsed) prepared;
        Verification disallowed = disallowedClassBeforeFetch(parsed);
        if (disallowed != null) {
            return CompletableFuture.completedFuture(disallowed);
        }
        return jwks.lookup(parsed.kid()).handle((lookup, error) -> {
            if (error != null) {
                throw unwrap(error);
            }
            return finish(parsed, lookup);
        });
    }

    /**
     * The outcome of {@link #verify(String)} if it can be had without a network call (a token verified before, one
     * rejected on its face, or one whose key is in the cached key set); empty when keys must be fetched first. Never
     * blocks, so an event-loop caller can verify in place and hop to a worker thread only when this is empty — without
     * parsing or hashing the token twice.
     */
    public Optional<Verification> verifyWithoutBlocking(String token) {
        Object prepared = prepare(token);
        if (prepared instanceof Verification v) {
            return Optional.of(v);
        }
        Parsed parsed = (Parsed) prepared;
        Verification disallowed = disallowedClassBeforeFetch(parsed);
        if (disallowed != null) {
            return Optional.of(disallowed);
        }
        if (!jwks.answersWithoutFetch(parsed.kid())) {
            return Optional.empty();
        }
        CompletableFuture<JwksCache.Lookup> lookup = jwks.lookup(parsed.kid());
        if (!lookup.isDone() || lookup.isCompletedExceptionally()) {
            return Optional.empty(); // the cooldown ended meanwhile and a fetch started: the caller waits for it
        }
        return Optional.of(finish(parsed, lookup.join()));
    }

    /**
     * Whether {@link #verify(String)} would complete without a network call: the token was verified before, is
     * malformed, or its key id is in the cached key set. Lets an event-loop caller verify in place and hop to a
     * worker thread only to fetch keys.
     */
    public boolean canVerifyWithoutBlocking(String token) {
        if (token == null || token.length() > MAX_TOKEN_LENGTH
                || verified.get(token, clock.instant().minus(settings.clockSkew()), jwks::holds) != null) {
            return true; // settled at once: too long, or verified before with a key still held
        }
        String kid = peekKid(token);
        return kid == null || jwks.answersWithoutFetch(kid);
    }

    /**
     * A cheap, unverified look at the token's {@code iss}: whether it is one of this project's Hexclave issuers (of any
     * user class, at any accepted origin). Lets an adapter leave tokens of other issuers to other mechanisms (OIDC,
     * SmallRye JWT) in the same application. Never a substitute for {@link #verify(String)}.
     */
    public boolean isHexclaveIssued(String token) {
        Map<String, Object> claims = peekJson(token, 1);
        return claims != null && claims.get("iss") instanceof String iss && issuers.containsKey(iss);
    }

    /** The state of the key cache. */
    public JwksStatus jwksStatus() {
        return jwks.status();
    }

    /** Fetches the keys now (for a readiness check or a warm-up); completes with the new status. */
    public CompletionStage<JwksStatus> refreshKeys() {
        return jwks.refresh().handle((keys, error) -> jwks.status());
    }

    // ---------------------------------------------------------------------------------------------------------

    private record Parsed(String token, JsonWebSignature jws, String kid) {
    }

    /** A {@link Verification} when the token is settled without keys (rejected or cached), else {@link Parsed}. */
    private Object prepare(String token) {
        if (token == null || token.isBlank()) {
            return Verification.Rejected.of(RejectionReason.MISSING);
        }
        if (token.length() > MAX_TOKEN_LENGTH) {
            return new Verification.Rejected(RejectionReason.MALFORMED, "token too long");
        }
        int dots = 0;
        for (int i = 0; i < token.length(); i++) {
            char ch = token.charAt(i);
            if (ch == '.') {
                dots++;
            } else if (!isBase64Url(ch)) {
                return new Verification.Rejected(RejectionReason.MALFORMED, "characters outside base64url");
            }
        }
        if (dots == 4) {
            return Verification.Rejected.of(RejectionReason.ENCRYPTED);
        }
        if (dots != 2) {
            return new Verification.Rejected(RejectionReason.MALFORMED, "not a compact JWS");
        }
        Verification cached = verified.get(token, clock.instant().minus(settings.clockSkew()), jwks::holds);
        if (cached != null) {
            return cached;
        }
        JsonWebSignature jws = new JsonWebSignature();
        try {
            jws.setAlgorithmConstraints(ES256_ONLY);
            jws.setProviderContext(providerContext);
            jws.setCompactSerialization(token);
        } catch (JoseException | RuntimeException e) {
            return new Verification.Rejected(RejectionReason.MALFORMED, "unreadable token header");
        }
        if (jws.getHeaders().getObjectHeaderValue("enc") != null) {
            return Verification.Rejected.of(RejectionReason.ENCRYPTED);
        }
        Object alg = jws.getHeaders().getObjectHeaderValue("alg");
        if (!AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256.equals(alg)) {
            return new Verification.Rejected(RejectionReason.ALGORITHM_NOT_ALLOWED, "only ES256 is accepted");
        }
        for (String header : FORBIDDEN_HEADERS) {
            if (jws.getHeaders().getObjectHeaderValue(header) != null) {
                return new Verification.Rejected(RejectionReason.FORBIDDEN_HEADER, "header '" + header + "' not allowed");
            }
        }
        if (!(jws.getHeaders().getObjectHeaderValue("kid") instanceof String kid) || kid.isEmpty() || kid.length() > 256) {
            return new Verification.Rejected(RejectionReason.UNKNOWN_KEY, "no key id");
        }
        return new Parsed(token, jws, kid);
    }

    /**
     * The keys of restricted and anonymous users are only fetched when those users are allowed, so such a token's
     * {@code kid} is not in the key set. Rather than force a refresh and answer "unknown key", look at its (unverified)
     * audience first: an unverified claim can only lead to a rejection here, never to an acceptance.
     */
    private Verification disallowedClassBeforeFetch(Parsed parsed) {
        if (jwks.holds(parsed.kid()) || (settings.allowAnonymousUsers() && settings.allowRestrictedUsers())) {
            return null;
        }
        Map<String, Object> payload = peekJson(parsed.token(), 1);
        if (payload == null || !(payload.get("aud") instanceof String aud)) {
            return null;
        }
        if (aud.endsWith(UserClass.ANONYMOUS.audience("")) && !settings.allowAnonymousUsers()) {
            return Verification.Rejected.of(RejectionReason.ANONYMOUS_USER_NOT_ALLOWED);
        }
        if (aud.endsWith(UserClass.RESTRICTED.audience("")) && !settings.allowRestrictedUsers()) {
            return Verification.Rejected.of(RejectionReason.RESTRICTED_USER_NOT_ALLOWED);
        }
        return null;
    }

    private Verification finish(Parsed parsed, JwksCache.Lookup lookup) {
        if (lookup instanceof JwksCache.Lookup.Unknown) {
            return Verification.Rejected.of(RejectionReason.UNKNOWN_KEY);
        }
        JsonWebSignature jws = parsed.jws();
        jws.setKey(((JwksCache.Lookup.Found) lookup).key());
        Map<String, Object> claims;
        try {
            if (!jws.verifySignature()) {
                return Verification.Rejected.of(RejectionReason.BAD_SIGNATURE);
            }
        } catch (JoseException | RuntimeException e) {
            return Verification.Rejected.of(RejectionReason.BAD_SIGNATURE);
        }
        try {
            claims = JwtClaims.parse(jws.getUnverifiedPayload()).getClaimsMap();
        } catch (Exception e) { // InvalidJwtException embeds the claims JSON: never log its message
            return new Verification.Rejected(RejectionReason.MALFORMED, "payload is not a JSON object");
        }
        Verification outcome = checkClaims(parsed.token(), claims);
        if (outcome instanceof Verification.Accepted accepted) {
            verified.put(parsed.token(), accepted, parsed.kid());
        } else if (LOG.isDebugEnabled()) {
            LOG.debugf("Hexclave token rejected: %s", ((Verification.Rejected) outcome).detail());
        }
        return outcome;
    }

    /** The claim rules of the wire reference §3.3 and §3.5, after the signature was verified. */
    private Verification checkClaims(String token, Map<String, Object> c) {
        if (!(c.get("sub") instanceof String sub) || sub.isEmpty()) {
            return missing("sub");
        }
        Object audValue = c.get("aud");
        if (audValue == null) {
            return missing("aud");
        }
        if (!(audValue instanceof String aud)) {
            return new Verification.Rejected(RejectionReason.WRONG_AUDIENCE, "aud must be a single string");
        }
        int colon = aud.indexOf(':');
        String audProject = colon < 0 ? aud : aud.substring(0, colon);
        String audSuffix = colon < 0 ? "" : aud.substring(colon + 1);
        if (!audProject.equals(settings.projectId())) {
            return new Verification.Rejected(RejectionReason.WRONG_AUDIENCE, "token is for another project");
        }
        UserClass audClass = switch (audSuffix) {
            case "" -> UserClass.NORMAL;
            case "restricted" -> UserClass.RESTRICTED;
            case "anon" -> UserClass.ANONYMOUS;
            default -> null;
        };
        if (audClass == null) {
            return new Verification.Rejected(RejectionReason.WRONG_AUDIENCE, "unknown audience suffix");
        }
        if (!(c.get("iss") instanceof String iss)) {
            return missing("iss");
        }
        UserClass issClass = issuers.get(iss);
        if (issClass == null) {
            return new Verification.Rejected(RejectionReason.WRONG_ISSUER, "issuer not accepted");
        }
        if (issClass != audClass) {
            return new Verification.Rejected(RejectionReason.WRONG_ISSUER, "issuer does not match the audience's user class");
        }
        if (!(c.get("exp") instanceof Number exp)) {
            return missing("exp");
        }
        if (!(c.get("iat") instanceof Number iat)) {
            return missing("iat");
        }
        long now = clock.instant().getEpochSecond();
        long skew = settings.clockSkew().getSeconds();
        if (now > exp.longValue() + skew) {
            return Verification.Rejected.of(RejectionReason.EXPIRED);
        }
        if (iat.longValue() > now + skew) {
            return Verification.Rejected.of(RejectionReason.NOT_YET_VALID);
        }
        Object branch = c.containsKey("branch_id") ? c.get("branch_id") : c.get("branchId");
        if (branch == null) {
            return missing("branch_id");
        }
        if (!"main".equals(branch)) {
            return Verification.Rejected.of(RejectionReason.WRONG_BRANCH);
        }
        Object projectClaim = c.get("project_id");
        if (projectClaim != null && !settings.projectId().equals(projectClaim)) {
            return new Verification.Rejected(RejectionReason.INCONSISTENT_CLAIMS, "project_id does not match aud");
        }
        if (!(c.get("is_anonymous") instanceof Boolean anonymous)) {
            return missing("is_anonymous");
        }
        Object restrictedValue = c.containsKey("is_restricted") ? c.get("is_restricted") : anonymous;
        if (!(restrictedValue instanceof Boolean restricted)) {
            return missing("is_restricted");
        }
        Object reason = c.get("restricted_reason");
        if (reason == null && !c.containsKey("restricted_reason") && anonymous) {
            reason = Map.of("type", "anonymous"); // legacy fallback (§3.5)
        }
        if (reason != null && !(reason instanceof Map<?, ?> m && m.get("type") instanceof String)) {
            return new Verification.Rejected(RejectionReason.INCONSISTENT_CLAIMS, "restricted_reason must be an object with a type");
        }
        if (anonymous && !restricted) {
            return inconsistent("an anonymous user must be restricted");
        }
        if (restricted != (reason != null)) {
            return inconsistent("restricted_reason must be set exactly when the user is restricted");
        }
        if (anonymous != (audClass == UserClass.ANONYMOUS)) {
            return inconsistent("the :anon audience must match is_anonymous");
        }
        if (audClass == UserClass.RESTRICTED && !restricted) {
            return inconsistent("the :restricted audience requires a restricted user");
        }
        if (restricted && !anonymous && audClass != UserClass.RESTRICTED) {
            return inconsistent("a restricted user must have the :restricted audience");
        }
        for (String optionalString : new String[] { "email", "name", "selected_team_id" }) {
            Object v = c.get(optionalString);
            if (v != null && !(v instanceof String)) {
                return new Verification.Rejected(RejectionReason.MISSING_CLAIM, "claim " + optionalString + " must be a string");
            }
        }
        if (audClass == UserClass.ANONYMOUS && !settings.allowAnonymousUsers()) {
            return Verification.Rejected.of(RejectionReason.ANONYMOUS_USER_NOT_ALLOWED);
        }
        if (audClass == UserClass.RESTRICTED && !settings.allowRestrictedUsers()) {
            return Verification.Rejected.of(RejectionReason.RESTRICTED_USER_NOT_ALLOWED);
        }
        Map<String, Object> claims = new HashMap<>(c);
        claims.put("is_restricted", restricted);
        if (reason != null) {
            claims.put("restricted_reason", reason);
        }
        return new Verification.Accepted(HexclavePrincipal.create(token, claims, audClass));
    }

    private static boolean isBase64Url(char ch) {
        return (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '-' || ch == '_';
    }

    private static Verification missing(String claim) {
        return new Verification.Rejected(RejectionReason.MISSING_CLAIM, "claim " + claim + " missing or mistyped");
    }

    private static Verification inconsistent(String detail) {
        return new Verification.Rejected(RejectionReason.INCONSISTENT_CLAIMS, detail);
    }

    private static RuntimeException unwrap(Throwable error) {
        Throwable e = error;
        while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
            e = e.getCause();
        }
        return e instanceof KeysUnavailableException k ? k
                : new KeysUnavailableException("Hexclave's signing keys are unavailable: " + JwksCache.describe(e), e);
    }

    private static String peekKid(String token) {
        Map<String, Object> header = peekJson(token, 0);
        return header != null && header.get("kid") instanceof String kid ? kid : null;
    }

    /** Decodes one part of a compact JWS without verifying anything; {@code null} when unreadable. */
    private static Map<String, Object> peekJson(String token, int part) {
        if (token == null || token.length() > MAX_TOKEN_LENGTH) {
            return null;
        }
        int start = 0;
        for (int i = 0; i < part; i++) {
            start = token.indexOf('.', start) + 1;
            if (start == 0) {
                return null;
            }
        }
        int end = token.indexOf('.', start);
        if (end < 0) {
            return null;
        }
        try {
            byte[] json = Base64.getUrlDecoder().decode(token.substring(start, end));
            return JsonUtil.parseJson(new String(json, StandardCharsets.UTF_8));
        } catch (IllegalArgumentException | JoseException | ClassCastException e) {
            return null;
        }
    }

    /** Every accepted issuer ({@code settings.issuerOrigins()} × the user classes) and its class. */
    static Map<String, UserClass> issuers(HexclaveSettings settings) {
        Map<String, UserClass> issuers = new HashMap<>();
        for (String origin : settings.issuerOrigins()) {
            for (UserClass userClass : UserClass.values()) {
                issuers.put(userClass.issuer(origin, settings.projectId()), userClass);
            }
        }
        return Map.copyOf(issuers);
    }

    private static ProviderContext providerContext(HexclaveSettings settings) {
        ProviderContext context = new ProviderContext();
        settings.jcaProvider().ifPresent(name -> {
            Provider provider = Security.getProvider(name);
            if (provider == null) {
                throw new HexclaveConfigException(HexclaveSettings.KEY_JCA_PROVIDER + "=" + name
                        + " is not an installed JCA provider; install it (Security.addProvider) before the verifier is "
                        + "created, or leave the key unset to use the JDK's");
            }
            context.getSuppliedKeyProviderContext().setSignatureProvider(name);
        });
        return context;
    }
}
