package io.quarkiverse.hexclave.runtime.security;

import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkiverse.hexclave.runtime.internal.EndpointVerifier;
import io.quarkiverse.hexclave.runtime.internal.HexclaveIdentities;
import io.quarkiverse.hexclave.runtime.internal.MechanismOptions;
import io.quarkiverse.hexclave.runtime.internal.UserClassEndpoints;
import io.quarkiverse.hexclave.runtime.internal.UserClassFilter;
import io.quarkiverse.hexclave.verifier.AccessToken;
import io.quarkiverse.hexclave.verifier.Challenge;
import io.quarkiverse.hexclave.verifier.HexclavePrincipal;
import io.quarkiverse.hexclave.verifier.HexclaveTokenVerifier;
import io.quarkiverse.hexclave.verifier.KeysUnavailableException;
import io.quarkiverse.hexclave.verifier.RejectionReason;
import io.quarkiverse.hexclave.verifier.UserClass;
import io.quarkiverse.hexclave.verifier.Verification;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;

/**
 * Turns a {@link HexclaveTokenCredential} into a {@link SecurityIdentity} whose principal is the
 * {@link HexclavePrincipal} and whose roles are its groups ({@code authenticated}, plus {@code restricted} or
 * {@code anonymous}).
 * <p>
 * Declines every other credential (smallrye-jwt's, OIDC's …), so those reach their own providers. Verifies on the
 * calling (I/O) thread when no I/O is needed (a token verified before, its key cached), and on a worker thread when
 * keys must be fetched or Hexclave asked. A rejection fails with the core's {@link Challenge}, which
 * {@link HexclaveAuthMechanism} renders.
 * <p>
 * Which user classes pass is the verifier's policy, applied to this request: the global classes, plus those the
 * JAX-RS resource method the request was matched to grants ({@code @AllowRestrictedUsers} /
 * {@code @AllowAnonymousUsers}, looked up by method in {@link UserClassEndpoints}, never by path). A request has a
 * matched resource method only when its identity is resolved inside Quarkus REST, after routing (lazy
 * authentication, which the build requires when these annotations are used). Fail closed: on every other request (an
 * unannotated endpoint, a Vert.x route, a static file, {@code /q/*}, a WebSocket upgrade, an HTTP permission checked
 * before routing …) such a token is rejected, so such a user never holds an identity outside the resource methods
 * meant for them; and where they do, they do not get the {@code authenticated} role. {@link UserClassFilter} checks
 * the matched method a second time.
 * <p>
 * Keys unavailable: a {@link HexclaveKeysUnavailableEvent} besides the failure.
 */
@ApplicationScoped
public class HexclaveIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    private static final Logger LOG = Logger.getLogger(HexclaveIdentityProvider.class);

    private final HexclaveTokenVerifier verifier;
    private final UserClassEndpoints endpoints;
    private final MechanismOptions options;
    private final KeysUnavailableEvents events;

    @Inject
    HexclaveIdentityProvider(EndpointVerifier verifier, UserClassEndpoints endpoints, MechanismOptions options,
            KeysUnavailableEvents events) {
        this.verifier = verifier.verifier();
        this.endpoints = endpoints;
        this.options = options;
        this.events = events;
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request, AuthenticationRequestContext context) {
        if (!(request.getToken() instanceof HexclaveTokenCredential credential)) {
            return Uni.createFrom().nullItem();
        }
        AccessToken token = credential.credential().token(); // decoded once, by the mechanism's issuer check
        Set<UserClass> admitted = verifier.policy().admittedOn(endpointGrant(request));
        Optional<Verification> ready;
        try {
            ready = verifier.verifyWithoutBlocking(token, admitted); // on this (I/O) thread: no I/O
        } catch (RuntimeException e) {
            ready = Optional.empty(); // let the worker-thread path map it
        }
        if (ready.isPresent()) {
            // Settled on this thread: a ready Uni, no deferred supplier (each Mutiny callback costs a context capture)
            try {
                return Uni.createFrom().item(identity(ready.get(), credential, request));
            } catch (AuthenticationFailedException e) {
                return Uni.createFrom().failure(e);
            }
        }
        return context.runBlocking(() -> identity(verify(token, admitted, request), credential, request));
    }

    /** Verifies on a worker thread: keys may have to be fetched, or Hexclave asked. */
    private Verification verify(AccessToken token, Set<UserClass> admitted, TokenAuthenticationRequest request) {
        try {
            return verifier.verify(token, admitted);
        } catch (KeysUnavailableException e) {
            // Debug, not warn: this happens on every request while the keys are unavailable, and the verifier
            // already logs HEXCLAVE002 once per fetch attempt.
            LOG.debugf("Hexclave signing keys are unavailable, answering the request as unavailable: %s",
                    e.getMessage());
            throw events.unavailable(HexclaveKeysUnavailableEvent.Credential.ACCESS_TOKEN, request);
        } catch (RuntimeException e) {
            // Never a 500 for a bad token: an unexpected verifier error rejects the token.
            LOG.debugf("Hexclave token verification failed unexpectedly: %s", e.getClass().getName());
            throw HexclaveAuthMechanism.failure(Challenge.unauthorized(RejectionReason.MALFORMED));
        }
    }

    /** The identity of an accepted token; a rejection becomes the authentication failure carrying its challenge. */
    private SecurityIdentity identity(Verification verification, HexclaveTokenCredential credential,
            TokenAuthenticationRequest request) {
        if (LOG.isDebugEnabled()) {
            // Names the thread the outcome was reached on: the I/O thread when keys were cached, a worker otherwise.
            LOG.debugf("Verified a Hexclave token from %s on thread %s", credential.source(),
                    Thread.currentThread().getName());
        }
        if (verification instanceof Verification.Rejected rejected) {
            LOG.debugf("Hexclave token rejected: %s", rejected.reason());
            throw HexclaveAuthMechanism.failure(Challenge.unauthorized(rejected.reason()));
        }
        HexclavePrincipal principal = ((Verification.Accepted) verification).principal();
        SecurityIdentity identity = HexclaveIdentities.describe(QuarkusSecurityIdentity.builder(), principal,
                verifier.policy()).addCredential(credential).build();
        options.cacheControl().ifPresent(value -> {
            RoutingContext routing = HttpSecurityUtils.getRoutingContextAttribute(request);
            if (routing != null) {
                HexclaveAuthMechanism.markUncacheable(routing, value);
            }
        });
        return identity;
    }

    /**
     * The classes the JAX-RS resource method this request was matched to grants. Only a request that reached Quarkus
     * REST's matching has one (lazy authentication, resolved by the endpoint's security check or code); before routing
     * (proactive authentication, HTTP permissions, Vert.x routes, static files, WebSocket upgrades) there is none, so
     * only the global classes pass.
     */
    private Set<UserClass> endpointGrant(TokenAuthenticationRequest request) {
        if (endpoints.all().isEmpty() || HttpSecurityUtils.getRoutingContextAttribute(request) == null) {
            return Set.of();
        }
        return endpoints.grantOfMatchedResourceMethod();
    }
}
