package io.quarkiverse.hexclave.verifier;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.jboss.logging.Logger;

import io.quarkiverse.hexclave.client.HexclaveTransport;
import io.quarkiverse.hexclave.client.JdkHttpTransport;
import io.quarkiverse.hexclave.config.HexclaveSettings;
import io.quarkiverse.hexclave.observe.HexclaveObserver;

/**
 * Verifies Hexclave access tokens locally, against the project's JWKS (wire reference §3.6).
 * <ol>
 * <li>The token is a compact JWS, base64url strictly (one spelling per token); {@code alg} exactly ES256; no
 * {@code enc}, {@code jku}, {@code x5u}, {@code jwk}, {@code x5c} or {@code crit} header.</li>
 * <li>A token whose (unverified) claims name a user class that is not admitted is turned away before any key is
 * fetched.</li>
 * <li>The key is found by {@code kid} in the cached JWKS (see {@link JwksCache} for the fetching rules); the signature
 * is checked with the configured engine (see {@link Es256}) over the token's digest.</li>
 * <li>The claim rules ({@link ClaimRules}): audience of this project and of one user class, issuer of that class at an
 * accepted origin, {@code exp}/{@code iat} within the clock skew, {@code branch_id == "main"}, consistency, legacy
 * fallbacks.</li>
 * <li>The user class admitted ({@link UserClassPolicy}).</li>
 * </ol>
 * A token verified before is recognised by its digest and signature part and not verified again until it expires
 * (see {@link HexclaveSettings#verifiedTokenCacheSize()}).
 * <p>
 * Thread-safe; create one per project and share it. Construction makes no network call.
 */
public final class JwtTokenVerifier implements HexclaveTokenVerifier, SigningKeys {

    private static final Logger LOG = Logger.getLogger(JwtTokenVerifier.class);
    private static final String ES256 = "ES256";
    private static final String[] FORBIDDEN_HEADERS = { "jku", "x5u", "jwk", "x5c", "crit" };
    private static final int MAX_KID_LENGTH = 256;

    private final HexclaveSettings settings;
    private final UserClassPolicy policy;
    private final Clock clock;
    private final Issuers issuers;
    private final Es256 engine;
    private final JwksCache jwks;
    private final VerifiedTokenCache verified;
    private final HexclaveObserver observer;
    private final HexclaveTransport transport;
    private final long keyWaitMillis;

    /** A verifier with the settings' global policy, fetching keys with its own HTTP client. */
    public JwtTokenVerifier(HexclaveSettings settings) {
        this(settings, Clock.systemUTC());
    }

    /** As {@link #JwtTokenVerifier(HexclaveSettings)}, on the given clock (tests). */
    public JwtTokenVerifier(HexclaveSettings settings, Clock clock) {
        this(settings, UserClassPolicy.of(settings.allowRestrictedUsers(), settings.allowAnonymousUsers()), clock);
    }

    /** A verifier applying {@code policy}, whose {@code anywhere} classes decide which keys are fetched. */
    public JwtTokenVerifier(HexclaveSettings settings, UserClassPolicy policy, Clock clock) {
        this(settings, policy, clock, httpClient(settings));
    }

    /** The HTTP client of the key fetches: the settings' connect timeout, no redirects. */
    static HttpClient httpClient(HexclaveSettings settings) {
        return HttpClient.newBuilder().connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** As {@link #JwtTokenVerifier(HexclaveSettings, UserClassPolicy, Clock)}, sharing an existing HTTP client. */
    public JwtTokenVerifier(HexclaveSettings settings, UserClassPolicy policy, Clock clock, HttpClient httpClient) {
        this(settings, policy, clock, httpClient, HexclaveObserver.NONE);
    }

    /**
     * As {@link #JwtTokenVerifier(HexclaveSettings, UserClassPolicy, Clock, HttpClient)}, telling {@code observer} of
     * key fetches and verified-token cache lookups (the outcomes are told by {@link HexclaveTokenVerifier#create}'s
     * verifier).
     */
    public JwtTokenVerifier(HexclaveSettings settings, UserClassPolicy policy, Clock clock, HttpClient httpClient,
            HexclaveObserver observer) {
        this(settings, policy, clock, new JdkHttpTransport(httpClient, JwksCache.MAX_BODY_BYTES), observer);
    }

    /**
     * As {@link #JwtTokenVerifier(HexclaveSettings, UserClassPolicy, Clock, HttpClient, HexclaveObserver)}, fetching the
     * keys over {@code transport} (shared with the application's other Hexclave calls; {@link #close()} leaves it open).
     */
    JwtTokenVerifier(HexclaveSettings settings, UserClassPolicy policy, Clock clock, HexclaveTransport transport,
            HexclaveObserver observer) {
        this.observer = HexclaveObserver.safe(observer);
        this.settings = Objects.requireNonNull(settings, "settings");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.issuers = new Issuers(settings.issuerOrigins(), settings.projectId());
        this.engine = Es256.forSettings(settings);
        Set<UserClass> keyClasses = policy.anywhere();
        this.transport = Objects.requireNonNull(transport, "transport");
        this.jwks = new JwksCache(keySets(settings, keyClasses), transport,
                settings.readTimeout(), settings.jwksCacheTime(),
                settings.jwksRefreshCooldown(), settings.jwksMaxStale(), clock, engine, observer);
        this.verified = settings.verifiedTokenCacheSize() == 0 ? null
                : new VerifiedTokenCache(settings.verifiedTokenCacheSize(), clock);
        this.keyWaitMillis = settings.connectTimeout().plus(settings.readTimeout()).plus(Duration.ofSeconds(1)).toMillis();
    }

    /**
     * The key set of each class whose keys are fetched: the normal set, and with restricted (or anonymous) users admitted
     * the {@code include_restricted} (and {@code include_anonymous}) set, so that each key is bound to its class.
     */
    private static Map<UserClass, java.net.URI> keySets(HexclaveSettings settings, Set<UserClass> keyClasses) {
        Map<UserClass, java.net.URI> sets = new java.util.EnumMap<>(UserClass.class);
        sets.put(UserClass.NORMAL, settings.jwksUri(false, false));
        if (keyClasses.contains(UserClass.RESTRICTED) || keyClasses.contains(UserClass.ANONYMOUS)) {
            sets.put(UserClass.RESTRICTED, settings.jwksUri(true, false));
        }
        if (keyClasses.contains(UserClass.ANONYMOUS)) {
            sets.put(UserClass.ANONYMOUS, settings.jwksUri(true, true));
        }
        return sets;
    }

    public HexclaveSettings settings() {
        return settings;
    }

    @Override
    public UserClassPolicy policy() {
        return policy;
    }

    /** The signature engine in use, for logs and the Dev UI. */
    public String signatureEngine() {
        return engine.description();
    }

    @Override
    public Verification verify(AccessToken token, Set<UserClass> admitted) {
        Verification settled = settle(token, admitted);
        if (settled != null) {
            return settled;
        }
        AccessToken.Parsed.Readable parsed = (AccessToken.Parsed.Readable) token.parsed();
        try {
            var key = jwks.lookup(parsed.kid());
            if (!key.isDone()) {
                transport.checkBlockingAllowed(); // the keys must be fetched: may this thread wait for them?
            }
            return finish(token, parsed, key.get(keyWaitMillis, TimeUnit.MILLISECONDS), admitted);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KeysUnavailableException("interrupted while fetching Hexclave's signing keys");
        } catch (TimeoutException e) {
            throw new KeysUnavailableException("Hexclave's signing keys are unavailable: timed out");
        } catch (ExecutionException e) {
            throw unwrap(e.getCause());
        }
    }

    @Override
    public CompletionStage<Verification> verifyAsync(AccessToken token, Set<UserClass> admitted) {
        Verification settled;
        try {
            settled = settle(token, admitted);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        if (settled != null) {
            return CompletableFuture.completedFuture(settled);
        }
        AccessToken.Parsed.Readable parsed = (AccessToken.Parsed.Readable) token.parsed();
        return jwks.lookup(parsed.kid()).handle((lookup, error) -> {
            if (error != null) {
                throw unwrap(error);
            }
            return finish(token, parsed, lookup, admitted);
        });
    }

    @Override
    public Optional<Verification> verifyWithoutBlocking(AccessToken token, Set<UserClass> admitted) {
        Verification settled = settle(token, admitted);
        if (settled != null) {
            return Optional.of(settled);
        }
        AccessToken.Parsed.Readable parsed = (AccessToken.Parsed.Readable) token.parsed();
        JwksCache.Lookup.Found key = jwks.cached(parsed.kid());
        if (key != null) {
            return Optional.of(finish(token, parsed, key, admitted));
        }
        if (jwks.refusesWithoutFetch(parsed.kid())) {
            return Optional.of(Verification.Rejected.of(RejectionReason.UNKNOWN_KEY));
        }
        return Optional.empty();
    }

    @Override
    public boolean recognises(AccessToken token) {
        if (token.malformation() != null) {
            return false;
        }
        if (verified != null && verified.get(token, jwks::holds) != null) {
            return true; // judged before: no need to read the payload
        }
        return issuers.classOf(token.unverifiedIssuer()) != null;
    }

    @Override
    public Optional<SigningKeys> signingKeys() {
        return Optional.of(this);
    }

    @Override
    public JwksStatus status() {
        return jwks.status();
    }

    @Override
    public CompletionStage<JwksStatus> refresh() {
        return jwks.refresh().handle((keys, error) -> jwks.status());
    }

    /** The state of the key cache. */
    public JwksStatus jwksStatus() {
        return status();
    }

    /** Fetches the keys now; completes with the new status. */
    public CompletionStage<JwksStatus> refreshKeys() {
        return refresh();
    }

    // ---------------------------------------------------------------------------------------------------------

    /**
     * What is decided without a key: a malformed token, one verified before, an unreadable or disallowed header, a
     * user class not admitted. {@code null} when the signature must be checked.
     */
    private Verification settle(AccessToken token, Set<UserClass> requested) {
        Verification.Rejected malformed = token.malformation();
        if (malformed != null) {
            return malformed;
        }
        Set<UserClass> admitted = policy.bound(requested);
        if (verified != null) {
            VerifiedTokenCache.Entry hit = verified.get(token, jwks::holds);
            observer.verifiedTokenCacheLookup(hit != null);
            if (hit != null) {
                return UserClassPolicy.admit(new HexclavePrincipal(token.raw(), hit.claims()), admitted);
            }
        }
        if (!(token.parsed() instanceof AccessToken.Parsed.Readable parsed)) {
            return ((AccessToken.Parsed.Unreadable) token.parsed()).rejection();
        }
        Map<String, Object> header = parsed.header();
        if (header.get("enc") != null) {
            return Verification.Rejected.of(RejectionReason.ENCRYPTED);
        }
        if (!ES256.equals(header.get("alg"))) {
            return new Verification.Rejected(RejectionReason.ALGORITHM_NOT_ALLOWED, "only ES256 is accepted");
        }
        for (String forbidden : FORBIDDEN_HEADERS) {
            if (header.get(forbidden) != null) {
                return new Verification.Rejected(RejectionReason.FORBIDDEN_HEADER, "header '" + forbidden + "' not allowed");
            }
        }
        String kid = parsed.kid();
        if (kid == null || kid.isEmpty() || kid.length() > MAX_KID_LENGTH) {
            return new Verification.Rejected(RejectionReason.UNKNOWN_KEY, "no key id");
        }
        if (jwks.holds(kid)) {
            return null; // the signature can be checked at once: the claim rules then give the precise reason
        }
        // Not a key at hand, and the keys of classes that are not admitted are not even fetched: turn such tokens away
        // on their (unverified) claims rather than fetch. An unverified claim can only lead to a rejection here.
        return UserClassPolicy.refusal(ClaimRules.unverifiedClass(parsed.claims(), issuers), admitted);
    }

    private Verification finish(AccessToken token, AccessToken.Parsed.Readable parsed, JwksCache.Lookup lookup,
            Set<UserClass> requested) {
        if (!(lookup instanceof JwksCache.Lookup.Found found)) {
            return Verification.Rejected.of(RejectionReason.UNKNOWN_KEY);
        }
        byte[] signature = token.signatureBytes();
        if (signature == null) {
            return new Verification.Rejected(RejectionReason.BAD_SIGNATURE, "not a canonical ES256 signature");
        }
        if (!found.key().verify(token, signature)) {
            return Verification.Rejected.of(RejectionReason.BAD_SIGNATURE);
        }
        ClaimRules.Outcome outcome = ClaimRules.check(parsed.claims(), context(), token.digest());
        if (outcome instanceof ClaimRules.Outcome.Invalid invalid) {
            LOG.debugf("Access token rejected after its signature was verified: %s", invalid.rejection());
            return invalid.rejection();
        }
        VerifiedClaims claims = ((ClaimRules.Outcome.Valid) outcome).claims();
        if (claims.userClass() != found.userClass()) {
            // Hexclave checks a token only against the keys of its audience's class: a key published for another
            // class (an anonymous key under a normal user's claims) is not a valid signature for it.
            LOG.debugf("Access token signed with a key published for %s users, but its claims are of %s users",
                    found.userClass(), claims.userClass());
            return new Verification.Rejected(RejectionReason.BAD_SIGNATURE, "key not published for this user class");
        }
        if (verified != null) {
            verified.put(token, new VerifiedTokenCache.Entry(claims, null, token.signaturePart(), parsed.kid(),
                    claims.expiresAt().plus(settings.clockSkew())));
        }
        return UserClassPolicy.admit(new HexclavePrincipal(token.raw(), claims), policy.bound(requested));
    }

    private ClaimRules.Context context() {
        return ClaimRules.Context.now(settings, issuers, clock);
    }

    private static RuntimeException unwrap(Throwable error) {
        Throwable e = error;
        while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
            e = e.getCause();
        }
        return e instanceof KeysUnavailableException k ? k
                : new KeysUnavailableException("Hexclave's signing keys are unavailable: " + JwksCache.describe(e), e);
    }
}
