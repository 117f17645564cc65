package io.quarkiverse.hexclave.runtime.security;

import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.quarkiverse.hexclave.apikey.ApiKeyAuthentication;
import io.quarkiverse.hexclave.credential.CredentialLookup;
import io.quarkiverse.hexclave.credential.CredentialSource;
import io.quarkiverse.hexclave.credential.HexclaveCredential;
import io.quarkiverse.hexclave.credential.HexclaveCredentials;
import io.quarkiverse.hexclave.runtime.internal.EndpointVerifier;
import io.quarkiverse.hexclave.runtime.internal.MechanismOptions;
import io.quarkiverse.hexclave.runtime.internal.VertxRequestView;
import io.quarkiverse.hexclave.verifier.Challenge;
import io.quarkiverse.hexclave.verifier.HexclaveTokenVerifier;
import io.quarkiverse.hexclave.verifier.RejectionReason;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.HostAndPort;
import io.vertx.ext.web.RoutingContext;

/**
 * Finds a Hexclave credential in an HTTP request and hands it to {@link HexclaveIdentityProvider}.
 * <p>
 * Nothing Hexclave-shaped in the request, or a raw bearer token that is not this project's (another issuer, an opaque
 * or oversized token): a {@code null} identity, so other mechanisms (smallrye-jwt, OIDC, Basic …) get their turn. A
 * Hexclave credential in a header that cannot be read, or a token from a header that fails verification: the core's
 * 401 {@link Challenge} (an RFC 6750 {@code WWW-Authenticate} naming the reason) with an empty body. Hexclave's keys
 * unreachable: the keys-unavailable challenge with {@code quarkus.hexclave.keys-unavailable-status} (503).
 * <p>
 * A credential from the {@code hexclave-access} cookie that cannot be read or fails (expired, planted, keys
 * unavailable) leaves the request anonymous instead: the browser keeps sending the cookie long after its token
 * expired, and public pages and static files must still load. A protected resource then answers with that failure's
 * challenge.
 * <p>
 * A cookie credential on a request whose method is not {@code GET}, {@code HEAD} or {@code OPTIONS} and that shows no
 * same-origin signal is refused with {@link Challenge#crossSite()} (403), unless
 * {@code quarkus.hexclave.cookie.cross-site-check=false}.
 * <p>
 * A request without a Hexclave access token that carries a Hexclave API key ({@code x-hexclave-api-key},
 * {@code x-stack-api-key}, or a key-shaped {@code Authorization: Bearer} value; {@code quarkus.hexclave.api-keys.*})
 * is authenticated by {@link HexclaveApiKeyIdentityProvider} as the key's owner.
 */
@ApplicationScoped
public class HexclaveAuthMechanism implements HttpAuthenticationMechanism {

    /** The authentication scheme, usable in {@code quarkus.http.auth.permission.<name>.auth-mechanism}. */
    public static final String SCHEME = "hexclave";

    /**
     * Routing-context key, and {@link AuthenticationFailedException} attribute, of the {@link Challenge} a failed
     * attempt is answered with: the one way a rejection travels from the provider to {@link #getChallenge}.
     */
    public static final String CHALLENGE_KEY = "io.quarkiverse.hexclave.challenge";

    /**
     * {@link AuthenticationFailedException} attribute: the {@link RejectionReason} of a rejected Hexclave credential
     * (absent when Hexclave's keys were unavailable or a cross-site cookie request was refused). Observers of Quarkus'
     * {@code AuthenticationFailureEvent} read it from {@code getAuthenticationFailure()}.
     */
    public static final String REJECTION_REASON_KEY = "hexclave.rejection-reason";

    private static final Logger LOG = Logger.getLogger(HexclaveAuthMechanism.class);
    private static final HttpCredentialTransport TRANSPORT = new HttpCredentialTransport(
            HttpCredentialTransport.Type.AUTHORIZATION, "bearer", SCHEME);
    private static final Set<Class<? extends AuthenticationRequest>> CREDENTIAL_TYPES = Set
            .of(TokenAuthenticationRequest.class, HexclaveApiKeyAuthenticationRequest.class);

    private final HexclaveCredentials credentials;
    private final HexclaveTokenVerifier verifier;
    private final MechanismOptions options;
    private final ApiKeyAuthentication apiKeys;

    @Inject
    public HexclaveAuthMechanism(HexclaveCredentials credentials, EndpointVerifier verifier,
            MechanismOptions options, ApiKeyAuthentication apiKeys) {
        this.credentials = credentials;
        this.verifier = verifier.verifier();
        this.options = options;
        this.apiKeys = apiKeys;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        VertxRequestView view = new VertxRequestView(context.request());
        CredentialLookup lookup = credentials.find(view);
        if (lookup instanceof CredentialLookup.Malformed malformed) {
            LOG.debugf("Hexclave credential in %s is malformed: %s", malformed.source(), malformed.detail());
            Challenge challenge = Challenge.unauthorized(RejectionReason.MALFORMED);
            return malformed.source() == CredentialSource.COOKIE ? anonymous(context, challenge) : fail(context, challenge);
        }
        if (!(lookup instanceof CredentialLookup.Found found) || found.credential().accessToken().isEmpty()) {
            return apiKeyOrNothing(context, view, identityProviderManager); // nothing else: let the others try
        }
        HexclaveCredential credential = found.credential();
        if (credential.source() == CredentialSource.BEARER && !verifier.recognises(credential.token())) {
            // a foreign bearer JWT (smallrye-jwt's or OIDC's business), or a Hexclave API key
            return apiKeyOrNothing(context, view, identityProviderManager);
        }
        if (credential.source() == CredentialSource.COOKIE && refusesCrossSite(context, view, credential)) {
            return fail(context, Challenge.crossSite());
        }
        TokenAuthenticationRequest request = new TokenAuthenticationRequest(new HexclaveTokenCredential(credential));
        HttpSecurityUtils.setRoutingContextAttribute(request, context);
        // The provider adds Cache-Control to an authenticated response (markUncacheable): no extra Mutiny stage here
        Uni<SecurityIdentity> identity = identityProviderManager.authenticate(request);
        if (credential.source() == CredentialSource.COOKIE) {
            // A cookie the browser still sends after its token expired (or one planted by a sibling site) must not
            // lock the visitor out of public pages: the request stays anonymous, and a protected resource answers
            // with the rejection as its challenge.
            identity = identity.onFailure(AuthenticationFailedException.class).recoverWithUni(
                    failure -> anonymous(context, challengeOf(failure)));
        }
        return identity.onFailure().invoke(failure -> onFailure(context, failure));
    }

    /**
     * The API key of a request without a Hexclave access token ({@code quarkus.hexclave.api-keys.*}), authenticated by
     * {@link HexclaveApiKeyIdentityProvider}; without one, a {@code null} identity for the other mechanisms.
     */
    private Uni<SecurityIdentity> apiKeyOrNothing(RoutingContext context, VertxRequestView view,
            IdentityProviderManager identityProviderManager) {
        var key = apiKeys.find(view);
        if (key.isEmpty()) {
            return Uni.createFrom().nullItem();
        }
        HexclaveApiKeyAuthenticationRequest request = new HexclaveApiKeyAuthenticationRequest(key.get());
        HttpSecurityUtils.setRoutingContextAttribute(request, context);
        return identityProviderManager.authenticate(request).onFailure().invoke(failure -> onFailure(context, failure));
    }

    /** The same-origin check of a cookie credential (the request's authority is read only then: it costs). */
    private boolean refusesCrossSite(RoutingContext context, VertxRequestView view, HexclaveCredential credential) {
        HttpServerRequest r = context.request();
        HostAndPort authority = r.authority();
        if (credentials.refusesCrossSite(credential, r.method().name(), r.scheme(),
                authority == null ? null : authority.host(), authority == null ? -1 : authority.port(), view)) {
            LOG.debugf("Hexclave cookie credential on a %s request without a same-origin signal: refused",
                    r.method().name());
            return true;
        }
        return false;
    }

    /**
     * Answers a request authenticated by a Hexclave credential with {@code Cache-Control: value}, unless the
     * application sets its own.
     */
    static void markUncacheable(RoutingContext context, String value) {
        context.addHeadersEndHandler(v -> {
            if (!context.response().headers().contains(HttpHeaderNames.CACHE_CONTROL)) {
                context.response().headers().set(HttpHeaderNames.CACHE_CONTROL, value);
            }
        });
    }

    private void onFailure(RoutingContext context, Throwable failure) {
        markOurFailure(context);
        context.put(CHALLENGE_KEY, challengeOf(failure));
    }

    private static Challenge challengeOf(Throwable failure) {
        Object challenge = failure instanceof AuthenticationFailedException afe ? afe.getAttribute(CHALLENGE_KEY) : null;
        return challenge instanceof Challenge c ? c : Challenge.unauthorized(RejectionReason.MALFORMED);
    }

    /**
     * No identity for a cookie credential that failed: the request goes on anonymous (other mechanisms still get their
     * turn), and {@code challenge} answers it if the resource turns out to be protected.
     */
    private static Uni<SecurityIdentity> anonymous(RoutingContext context, Challenge challenge) {
        LOG.debugf("Hexclave cookie credential not accepted (%s): the request continues anonymous",
                challenge.reason() == null ? "keys unavailable" : challenge.reason());
        context.put(CHALLENGE_KEY, challenge);
        return Uni.createFrom().nullItem();
    }

    /**
     * Makes our {@link #getChallenge} answer this request. Quarkus' {@code HttpAuthenticator} keeps the mechanism that
     * failed under the routing-context key {@code HttpAuthenticationMechanism.class.getName()} and asks only that one
     * for the challenge (otherwise it asks every mechanism by priority, and the first answer wins). Without this, a
     * higher-priority mechanism (Basic, OIDC's login redirect, smallrye-jwt …) would answer a rejected Hexclave token
     * with its own challenge, hiding our RFC 6750 reason or our 503 when keys are unavailable. This relies on a
     * Quarkus-internal key; {@code ChallengeOfOurFailureTest} pins the behaviour.
     */
    private void markOurFailure(RoutingContext context) {
        context.put(HttpAuthenticationMechanism.class.getName(), this);
    }

    private Uni<SecurityIdentity> fail(RoutingContext context, Challenge challenge) {
        markOurFailure(context);
        context.put(CHALLENGE_KEY, challenge);
        return Uni.createFrom().failure(failure(challenge));
    }

    /**
     * The authentication failure that carries {@code challenge} to {@link #getChallenge}, and its reason
     * ({@link #REJECTION_REASON_KEY}) to the observers of Quarkus' {@code AuthenticationFailureEvent}.
     */
    static AuthenticationFailedException failure(Challenge challenge) {
        return new AuthenticationFailedException(challenge.summary(), challenge.reason() == null
                ? Map.of(CHALLENGE_KEY, challenge)
                : Map.of(CHALLENGE_KEY, challenge, REJECTION_REASON_KEY, challenge.reason()));
    }

    /** Renders the {@link Challenge} of this request (a plain {@code Bearer} 401 when there was no credential). */
    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        Challenge challenge = context.get(CHALLENGE_KEY) instanceof Challenge c ? c
                : Challenge.unauthorized(RejectionReason.MISSING);
        if (!context.response().headWritten()) {
            challenge.headers().forEach(context.response().headers()::set);
        }
        String primary = challenge.primaryHeader();
        return Uni.createFrom().item(new ChallengeData(challenge.status(), primary, challenge.headers().get(primary)));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return CREDENTIAL_TYPES;
    }

    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return Uni.createFrom().item(TRANSPORT);
    }

    @Override
    public int getPriority() {
        return options.priority();
    }
}
