package io.quarkiverse.hexclave.verifier;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;

import org.jboss.logging.Logger;

import io.quarkiverse.hexclave.client.HexclaveClient;
import io.quarkiverse.hexclave.client.HexclaveTransport;
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
import io.quarkiverse.hexclave.client.model.User;
import io.quarkiverse.hexclave.config.HexclaveConfigException;
import io.quarkiverse.hexclave.config.HexclaveSettings;
import io.quarkiverse.hexclave.observe.HexclaveObserver;
import io.quarkiverse.hexclave.config.Secret;

/**
 * Verifies an access token by asking Hexclave ({@code GET /users/me} with server access, wire reference §9.4)
 * instead of checking its signature locally. Deleted users and revoked sessions are noticed at once, at the cost of
 * one round trip per token (per {@link #cacheTtl()}, if the cache is on).
 * <p>
 * Outcomes, as with the local verifier:
 * <ul>
 * <li>{@link Verification.Accepted}: Hexclave accepted the token for the user its {@code sub} names; the principal is
 * built from the token's own payload, judged by the same claim rules as a locally verified token.</li>
 * <li>{@link Verification.Rejected}: {@code EXPIRED} ({@code ACCESS_TOKEN_EXPIRED}), {@code MALFORMED}
 * ({@code UNPARSABLE_ACCESS_TOKEN}, or not a readable compact JWS: no call is made), {@code WRONG_ISSUER},
 * {@code WRONG_AUDIENCE} ({@code INVALID_PROJECT_FOR_ACCESS_TOKEN}), {@code RESTRICTED_USER_NOT_ALLOWED},
 * {@code ANONYMOUS_USER_NOT_ALLOWED}, {@code REVOKED} (the user or session is gone), {@code MISSING_CLAIM},
 * {@code INCONSISTENT_CLAIMS} (Hexclave's user is not the token's subject).</li>
 * <li>{@link KeysUnavailableException}: Hexclave unreachable, timing out, answering 5xx/429, or refusing the
 * <em>server's</em> credentials (an operator error): not the caller's fault, adapters answer 503.</li>
 * </ul>
 * Before calling, the token's unverified claims are checked against the settings ({@link ClaimRules#precheck}:
 * expiry with the clock skew, audience and {@code project_id}, issuer, user class): what they already rule out is
 * rejected without a call. A forged token with plausible claims still costs one call (the signature is Hexclave's to
 * check here); where that matters, use the {@code both} mode, which checks the signature locally first.
 * <p>
 * Answers are cached for {@link #cacheTtl()} (bounded, keyed by the token's digest, never longer than the token lives).
 * Thread-safe.
 */
public final class RestTokenVerifier implements HexclaveTokenVerifier {

    private static final Logger LOG = Logger.getLogger(RestTokenVerifier.class);

    private final HexclaveClient client;
    private final boolean ownsClient;
    private final HexclaveSettings settings;
    private final UserClassPolicy policy;
    private final Clock clock;
    private final Issuers issuers;
    private final Duration cacheTtl;
    private final VerifiedTokenCache cache;

    /**
     * A verifier over {@code client}, with the client's settings: their policy and their REST cache.
     *
     * @throws HexclaveConfigException if the client's settings have no secret server key
     */
    public RestTokenVerifier(HexclaveClient client) {
        this(client, UserClassPolicy.of(client.settings().allowRestrictedUsers(), client.settings().allowAnonymousUsers()),
                client.settings().restCacheTtl(), client.settings().restCacheSize(), Clock.systemUTC());
    }

    /**
     * A verifier over {@code client} with the client's policy and the given cache; {@code cacheTtl} zero turns it off.
     *
     * @throws HexclaveConfigException if the client's settings have no secret server key
     */
    public RestTokenVerifier(HexclaveClient client, Duration cacheTtl, int cacheSize, Clock clock) {
        this(client, UserClassPolicy.of(client.settings().allowRestrictedUsers(), client.settings().allowAnonymousUsers()),
                cacheTtl, cacheSize, clock);
    }

    /**
     * A verifier over {@code client} applying {@code policy}; {@code cacheTtl} zero turns the cache off. The client's
     * settings must allow every class of {@code policy.anywhere()} (they decide the allow-restricted/anonymous headers
     * sent to Hexclave).
     *
     * @throws HexclaveConfigException if the client's settings have no secret server key, or admit fewer classes
     */
    public RestTokenVerifier(HexclaveClient client, UserClassPolicy policy, Duration cacheTtl, int cacheSize, Clock clock) {
        this(client, false, policy, cacheTtl, cacheSize, clock);
    }

    private RestTokenVerifier(HexclaveClient client, boolean ownsClient, UserClassPolicy policy, Duration cacheTtl,
            int cacheSize, Clock clock) {
        this.client = Objects.requireNonNull(client, "client");
        this.ownsClient = ownsClient;
        this.settings = client.settings();
        if (settings.secretServerKey().isEmpty()) {
            throw new HexclaveConfigException(HexclaveSettings.Keys.SECRET_SERVER_KEY, "REST token verification needs a "
                    + "secret server key: set {key} (or HEXCLAVE_SECRET_SERVER_KEY).");
        }
        this.policy = Objects.requireNonNull(policy, "policy");
        Set<UserClass> allowedByClient = UserClassPolicy.of(settings.allowRestrictedUsers(), settings.allowAnonymousUsers())
                .global();
        if (!allowedByClient.containsAll(policy.anywhere())) {
            throw new IllegalArgumentException("the client's settings allow " + allowedByClient
                    + " but the policy admits " + policy.anywhere() + ": Hexclave would refuse those users");
        }
        this.clock = Objects.requireNonNull(clock, "clock");
        this.issuers = new Issuers(settings.issuerOrigins(), settings.projectId());
        this.cacheTtl = Objects.requireNonNull(cacheTtl, "cacheTtl");
        this.cache = cacheTtl.isZero() || cacheSize == 0 ? null : new VerifiedTokenCache(cacheSize, clock);
    }

    /**
     * A verifier with a client of its own, created from {@code settings} widened to the classes of
     * {@code policy.anywhere()}; {@link #close()} closes it.
     */
    static RestTokenVerifier withOwnClient(HexclaveSettings settings, UserClassPolicy policy, Clock clock) {
        return withOwnClient(settings, policy, clock, HexclaveObserver.NONE);
    }

    /** As {@link #withOwnClient(HexclaveSettings, UserClassPolicy, Clock)}, its client telling {@code observer}. */
    static RestTokenVerifier withOwnClient(HexclaveSettings settings, UserClassPolicy policy, Clock clock,
            HexclaveObserver observer) {
        return new RestTokenVerifier(HexclaveClient.builder(widened(settings, policy)).observer(observer).build(), true,
                policy,
                settings.restCacheTtl(),
                settings.restCacheSize(), clock);
    }

    /**
     * As {@link #withOwnClient(HexclaveSettings, UserClassPolicy, Clock, HexclaveObserver)}, its client calling over
     * {@code transport}, which {@link #close()} leaves open (its owner shares it).
     */
    static RestTokenVerifier overTransport(HexclaveSettings settings, UserClassPolicy policy, Clock clock,
            HexclaveObserver observer, HexclaveTransport transport) {
        return new RestTokenVerifier(HexclaveClient.builder(widened(settings, policy)).observer(observer)
                .transport(Objects.requireNonNull(transport, "transport")).build(), false, policy,
                settings.restCacheTtl(), settings.restCacheSize(), clock);
    }

    /** The settings of this verifier's own client: Hexclave is asked to accept the classes admitted anywhere. */
    private static HexclaveSettings widened(HexclaveSettings settings, UserClassPolicy policy) {
        return settings.toBuilder()
                .allowRestrictedUsers(policy.anywhere().contains(UserClass.RESTRICTED))
                .allowAnonymousUsers(policy.anywhere().contains(UserClass.ANONYMOUS)).build();
    }

    /** How long answers are reused; zero when the cache is off. */
    public Duration cacheTtl() {
        return cache == null ? Duration.ZERO : cacheTtl;
    }

    @Override
    public UserClassPolicy policy() {
        return policy;
    }

    @Override
    public Verification verify(AccessToken token, Set<UserClass> admitted) {
        try {
            var verification = verifyAsync(token, admitted).toCompletableFuture();
            if (!verification.isDone()) {
                client.checkBlockingAllowed(); // Hexclave is being asked: may this thread wait for it?
            }
            return verification.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KeysUnavailableException("interrupted while asking Hexclave to verify a token");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : unexpected(e.getCause());
        }
    }

    @Override
    public CompletionStage<Verification> verifyAsync(AccessToken token, Set<UserClass> requested) {
        try {
            Set<UserClass> admitted = policy.bound(requested);
            Verification settled = settle(token, admitted);
            if (settled != null) {
                return CompletableFuture.completedFuture(settled);
            }
            Map<String, Object> claims = token.unverifiedClaims();
            return client.users().meAsync(new Secret(token.raw())).handle((user, error) -> {
                Verification v = error == null ? accept(token, claims, user) : reject(unwrap(error));
                remember(token, v);
                return v instanceof Verification.Accepted a ? UserClassPolicy.admit(a.principal(), admitted) : v;
            });
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(unexpected(e));
        }
    }

    @Override
    public Optional<Verification> verifyWithoutBlocking(AccessToken token, Set<UserClass> admitted) {
        return Optional.ofNullable(settle(token, policy.bound(admitted)));
    }

    @Override
    public boolean recognises(AccessToken token) {
        return token.malformation() == null && issuers.classOf(token.unverifiedIssuer()) != null;
    }

    @Override
    public void close() {
        if (ownsClient) {
            client.close();
        }
    }

    // ---------------------------------------------------------------------------------------------------------

    /** What is decided without asking Hexclave: malformed, ruled out by its own claims, or answered before. */
    private Verification settle(AccessToken token, Set<UserClass> admitted) {
        Verification.Rejected malformed = token.malformation();
        if (malformed != null) {
            return malformed;
        }
        if (token.parsed() instanceof AccessToken.Parsed.Unreadable unreadable) {
            return unreadable.rejection();
        }
        Map<String, Object> claims = token.unverifiedClaims();
        Verification.Rejected ruledOut = ClaimRules.precheck(claims, context(), admitted);
        if (ruledOut != null) {
            LOG.debugf("Access token rejected without asking Hexclave: %s", ruledOut);
            return ruledOut;
        }
        if (cache != null) {
            VerifiedTokenCache.Entry hit = cache.get(token, kid -> true);
            if (hit != null) {
                return hit.claims() == null ? hit.rejection()
                        : UserClassPolicy.admit(new HexclavePrincipal(token.raw(), hit.claims()), admitted);
            }
        }
        return null;
    }

    /** Hexclave accepted the token: the principal comes from its payload, under the same claim rules. */
    private Verification accept(AccessToken token, Map<String, Object> claims, User user) {
        ClaimRules.Outcome outcome = ClaimRules.check(claims, context(), token.digest());
        if (outcome instanceof ClaimRules.Outcome.Invalid invalid) {
            LOG.debugf("Hexclave accepted a token our claim rules reject: %s", invalid.rejection());
            return invalid.rejection();
        }
        VerifiedClaims verified = ((ClaimRules.Outcome.Valid) outcome).claims();
        if (user == null || !verified.userId().equals(user.id())) {
            return Verification.Rejected.of(RejectionReason.INCONSISTENT_CLAIMS);
        }
        return new Verification.Accepted(new HexclavePrincipal(token.raw(), verified));
    }

    /** Caches Hexclave's answer for the TTL, never beyond the token's expiry. */
    private void remember(AccessToken token, Verification v) {
        if (cache == null) {
            return;
        }
        Instant until = clock.instant().plus(cacheTtl);
        if (v instanceof Verification.Accepted a) {
            Instant expiry = a.principal().expiresAt();
            cache.put(token, new VerifiedTokenCache.Entry(a.principal().verified(), null, token.signaturePart(), null,
                    until.isBefore(expiry) ? until : expiry));
        } else {
            Map<String, Object> claims = token.unverifiedClaims();
            long exp = claims == null ? -1 : ClaimRules.epochSecond(claims.get("exp"));
            Instant expiry = exp < 0 ? until : Instant.ofEpochSecond(exp);
            cache.put(token, new VerifiedTokenCache.Entry(null, (Verification.Rejected) v, token.signaturePart(), null,
                    until.isBefore(expiry) ? until : expiry));
        }
    }

    private ClaimRules.Context context() {
        return ClaimRules.Context.now(settings, issuers, clock);
    }

    /** Anything but a Hexclave answer: a fixed message (the cause's message could quote the token), no cause kept. */
    private static KeysUnavailableException unexpected(Throwable error) {
        LOG.debugf("Token verification through Hexclave failed unexpectedly (%s)", error.getClass().getName());
        return new KeysUnavailableException("Hexclave could not verify a token (unexpected "
                + error.getClass().getSimpleName() + ")");
    }

    private static Throwable unwrap(Throwable error) {
        Throwable e = error;
        while ((e instanceof CompletionException || e instanceof ExecutionException) && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }

    private static Verification reject(Throwable error) {
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
                    + "); check " + HexclaveSettings.Keys.PREFIX + HexclaveSettings.Keys.SECRET_SERVER_KEY + " and "
                    + HexclaveSettings.Keys.PREFIX + HexclaveSettings.Keys.PROJECT_ID, p);
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
}
