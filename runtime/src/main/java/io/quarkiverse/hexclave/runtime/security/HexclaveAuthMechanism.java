package io.quarkiverse.hexclave.runtime.security;

import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.quarkiverse.hexclave.credential.CredentialLookup;
import io.quarkiverse.hexclave.credential.CredentialSource;
import io.quarkiverse.hexclave.credential.HexclaveCredential;
import io.quarkiverse.hexclave.credential.HexclaveCredentials;
import io.quarkiverse.hexclave.runtime.internal.MechanismOptions;
import io.quarkiverse.hexclave.runtime.internal.VerificationPipeline;
import io.quarkiverse.hexclave.runtime.internal.VertxRequestView;
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
import io.vertx.ext.web.RoutingContext;

/**
 * Finds a Hexclave credential in an HTTP request and hands it to {@link HexclaveIdentityProvider}.
 * <p>
 * Nothing Hexclave-shaped in the request, a raw bearer JWT that Hexclave did not issue, or a raw bearer token that
 * cannot even be read (too long, for instance): a {@code null} identity,
 * so other mechanisms (smallrye-jwt, OIDC, Basic …) get their turn. A Hexclave credential that cannot be read, or a
 * token that fails verification: 401 with an RFC 6750 {@code WWW-Authenticate} challenge naming the reason and an
 * empty body. Hexclave's keys unreachable: {@code quarkus.hexclave.keys-unavailable-status} (503).
 */
@ApplicationScoped
public class HexclaveAuthMechanism implements HttpAuthenticationMechanism {

    /** The authentication scheme, usable in {@code quarkus.http.auth.permission.<name>.auth-mechanism}. */
    public static final String SCHEME = "hexclave";

    /** Routing-context key of the {@link RejectionReason} of a failed attempt. */
    public static final String REJECTION_KEY = "io.quarkiverse.hexclave.rejection";
    /** Routing-context key set when Hexclave's keys could not be obtained. */
    public static final String KEYS_UNAVAILABLE_KEY = "io.quarkiverse.hexclave.keys-unavailable";

    /** Seconds a client should wait after a 503 (keys unavailable); the Jakarta adapter sends the same. */
    static final String RETRY_AFTER_SECONDS = "10";
    /** {@code Cache-Control} of every 401 / 503 this mechanism answers. */
    public static final String NO_STORE = "no-store";

    private static final Logger LOG = Logger.getLogger(HexclaveAuthMechanism.class);
    private static final HttpCredentialTransport TRANSPORT = new HttpCredentialTransport(
            HttpCredentialTransport.Type.AUTHORIZATION, "bearer", SCHEME);
    private static final Set<Class<? extends AuthenticationRequest>> CREDENTIAL_TYPES = Set
            .of(TokenAuthenticationRequest.class);

    private final HexclaveCredentials credentials;
    private final VerificationPipeline pipeline;
    private final MechanismOptions options;

    @Inject
    public HexclaveAuthMechanism(HexclaveCredentials credentials, VerificationPipeline pipeline,
            MechanismOptions options) {
        this.credentials = credentials;
        this.pipeline = pipeline;
        this.options = options;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        CredentialLookup lookup = credentials.find(new VertxRequestView(context.request()));
        if (lookup instanceof CredentialLookup.Malformed malformed) {
            if (malformed.source() == CredentialSource.BEARER_TOKEN) {
                // A raw bearer token we cannot read (an OIDC / smallrye-jwt token over 16 KiB, say) is not
                // necessarily ours: decline it, so that its own mechanism can verify it.
                LOG.debugf("Unreadable bearer token declined: %s", malformed.detail());
                return Uni.createFrom().nullItem();
            }
            LOG.debugf("Hexclave credential in %s is malformed: %s", malformed.source(), malformed.detail());
            return fail(context, RejectionReason.MALFORMED);
        }
        if (!(lookup instanceof CredentialLookup.Found found) || found.credential().accessToken().isEmpty()) {
            return Uni.createFrom().nullItem(); // nothing for us: let the other mechanisms try
        }
        HexclaveCredential credential = found.credential();
        String token = credential.accessToken().get().value();
        if (credential.source() == CredentialSource.BEARER_TOKEN && !pipeline.isHexclaveIssued(token)) {
            return Uni.createFrom().nullItem(); // a foreign bearer JWT: smallrye-jwt's or OIDC's business
        }
        TokenAuthenticationRequest request = new TokenAuthenticationRequest(new HexclaveTokenCredential(credential));
        HttpSecurityUtils.setRoutingContextAttribute(request, context);
        return identityProviderManager.authenticate(request)
                .onItem().invoke(identity -> onAuthenticated(context, identity))
                .onFailure().invoke(failure -> onFailure(context, failure));
    }

    private void onAuthenticated(RoutingContext context, SecurityIdentity identity) {
        if (identity == null || options.cacheControl().isEmpty()) {
            return;
        }
        String value = options.cacheControl().get();
        context.addHeadersEndHandler(v -> {
            if (!context.response().headers().contains(HttpHeaderNames.CACHE_CONTROL)) {
                context.response().headers().set(HttpHeaderNames.CACHE_CONTROL, value);
            }
        });
    }

    private void onFailure(RoutingContext context, Throwable failure) {
        markOurFailure(context);
        if (failure instanceof AuthenticationFailedException afe) {
            if (Boolean.TRUE.equals(afe.getAttribute(KEYS_UNAVAILABLE_KEY))) {
                context.put(KEYS_UNAVAILABLE_KEY, Boolean.TRUE);
                return;
            }
            Object reason = afe.getAttribute(REJECTION_KEY);
            context.put(REJECTION_KEY, reason instanceof RejectionReason r ? r : RejectionReason.MALFORMED);
        } else {
            context.put(REJECTION_KEY, RejectionReason.MALFORMED);
        }
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

    private Uni<SecurityIdentity> fail(RoutingContext context, RejectionReason reason) {
        markOurFailure(context);
        context.put(REJECTION_KEY, reason);
        return Uni.createFrom().failure(new AuthenticationFailedException(reason.description(),
                Map.of(REJECTION_KEY, reason)));
    }

    /**
     * 401 with the RFC 6750 challenge, or {@code keys-unavailable-status} with {@code Retry-After: 10}; both with
     * {@code Cache-Control: no-store}, as the Jakarta adapter answers, so no cache keeps an authentication failure.
     */
    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        if (!context.response().headWritten()) {
            context.response().headers().set(HttpHeaderNames.CACHE_CONTROL, NO_STORE);
        }
        if (Boolean.TRUE.equals(context.get(KEYS_UNAVAILABLE_KEY))) {
            return Uni.createFrom().item(new ChallengeData(options.keysUnavailableStatus(),
                    HttpHeaderNames.RETRY_AFTER, RETRY_AFTER_SECONDS));
        }
        RejectionReason reason = context.get(REJECTION_KEY);
        String challenge = reason == null ? RejectionReason.MISSING.wwwAuthenticate() : reason.wwwAuthenticate();
        return Uni.createFrom().item(new ChallengeData(401, HttpHeaderNames.WWW_AUTHENTICATE, challenge));
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
