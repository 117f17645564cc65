package io.quarkiverse.hexclave.runtime.security;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkiverse.hexclave.runtime.internal.UserClassEndpoints;
import io.quarkiverse.hexclave.runtime.internal.UserClassFilter;
import io.quarkiverse.hexclave.runtime.internal.VerificationPipeline;
import io.quarkiverse.hexclave.verifier.HexclavePrincipal;
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
 * Declines every other credential (smallrye-jwt's, OIDC's …), so those reach their own providers; raw bearer tokens
 * that Hexclave did not issue never get here ({@link HexclaveAuthMechanism} declines them). Verifies on the calling
 * (I/O) thread when the keys are cached, and on a worker
 * thread when keys must be fetched or Hexclave asked. A rejected token fails with the reason as attribute
 * {@link HexclaveAuthMechanism#REJECTION_KEY}; unreachable keys fail with
 * {@link HexclaveAuthMechanism#KEYS_UNAVAILABLE_KEY}.
 * <p>
 * A restricted or anonymous user whose class is not allowed globally is authenticated only on a request to an
 * endpoint annotated {@code @AllowRestrictedUsers} / {@code @AllowAnonymousUsers} that admits the class (matched by
 * HTTP method and path, or exactly by the JAX-RS method once {@link UserClassFilter} ran); on every other request
 * (an unannotated JAX-RS endpoint, a Vert.x route, a permission policy …) the token is rejected with
 * {@link RejectionReason#RESTRICTED_USER_NOT_ALLOWED} / {@link RejectionReason#ANONYMOUS_USER_NOT_ALLOWED}, so such a
 * user never holds an identity outside the endpoints meant for them.
 */
@ApplicationScoped
public class HexclaveIdentityProvider implements IdentityProvider<TokenAuthenticationRequest> {

    private static final Logger LOG = Logger.getLogger(HexclaveIdentityProvider.class);

    private final VerificationPipeline pipeline;
    private final UserClassEndpoints endpoints;

    @Inject
    public HexclaveIdentityProvider(VerificationPipeline pipeline, UserClassEndpoints endpoints) {
        this.pipeline = pipeline;
        this.endpoints = endpoints;
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
        // Foreign raw bearer tokens were already declined by HexclaveAuthMechanism (the only creator of
        // HexclaveTokenCredential), which peeks at the issuer before building the request: no second peek here.
        Optional<Verification> ready;
        try {
            ready = pipeline.verifyWithoutBlocking(credential.getToken()); // on this (I/O) thread: no network call
        } catch (RuntimeException e) {
            ready = Optional.empty(); // let the worker-thread path map it
        }
        if (ready.isPresent()) {
            Verification verification = ready.get();
            return Uni.createFrom().item(() -> identity(verification, credential, request));
        }
        return context.runBlocking(() -> identity(verify(credential), credential, request));
    }

    /** Verifies on a worker thread: keys may have to be fetched, or Hexclave asked. */
    private Verification verify(HexclaveTokenCredential credential) {
        Verification verification;
        try {
            verification = pipeline.verify(credential.getToken());
        } catch (KeysUnavailableException e) {
            // Debug, not warn: this happens on every request while the keys are unavailable, and the verifier
            // already logs HEXCLAVE002 once per fetch attempt.
            LOG.debugf("Hexclave signing keys are unavailable, answering the request as unavailable: %s",
                    e.getMessage());
            throw new AuthenticationFailedException("Hexclave keys unavailable",
                    Map.of(HexclaveAuthMechanism.KEYS_UNAVAILABLE_KEY, Boolean.TRUE));
        } catch (RuntimeException e) {
            // Never a 500 for a bad token: an unexpected verifier error rejects the token.
            LOG.debugf("Hexclave token verification failed unexpectedly: %s", e.getClass().getName());
            throw rejected(RejectionReason.MALFORMED);
        }
        return verification;
    }

    /** The identity of an accepted token; a rejection becomes the authentication failure carrying its reason. */
    private SecurityIdentity identity(Verification verification, HexclaveTokenCredential credential,
            TokenAuthenticationRequest request) {
        if (LOG.isDebugEnabled()) {
            // Names the thread the outcome was reached on: the I/O thread when keys were cached, a worker otherwise.
            LOG.debugf("Verifying a Hexclave token from %s on thread %s", credential.source(),
                    Thread.currentThread().getName());
        }
        if (verification instanceof Verification.Rejected rejected) {
            LOG.debugf("Hexclave token rejected: %s", rejected.reason());
            throw rejected(rejected.reason());
        }
        return identity(((Verification.Accepted) verification).principal(), credential, request);
    }

    private SecurityIdentity identity(HexclavePrincipal principal, HexclaveTokenCredential credential,
            TokenAuthenticationRequest request) {
        Set<String> roles = new LinkedHashSet<>(principal.getGroups());
        UserClass userClass = principal.userClass();
        if (!pipeline.admittedEverywhere(userClass)) {
            // Fail closed: such a user exists only on requests to an endpoint whose annotation admits the class.
            if (!admittedOnThisRequest(userClass, request)) {
                LOG.debugf("Hexclave %s user refused: the request does not reach an endpoint that admits the class",
                        userClass);
                throw rejected(userClass == UserClass.ANONYMOUS ? RejectionReason.ANONYMOUS_USER_NOT_ALLOWED
                        : RejectionReason.RESTRICTED_USER_NOT_ALLOWED);
            }
            // Not "authenticated": role checks written for full users keep refusing them.
            roles.remove(HexclavePrincipal.AUTHENTICATED);
        }
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(principal)
                .addRoles(roles)
                .addCredential(credential)
                .addAttribute("hexclave.user-class", principal.userClass())
                .build();
    }

    /**
     * The exact JAX-RS method's annotations when {@link UserClassFilter} already matched it (lazy authentication),
     * else the build-time list of annotated endpoints by HTTP method and path. No HTTP request: refused.
     */
    private boolean admittedOnThisRequest(UserClass userClass, TokenAuthenticationRequest request) {
        RoutingContext rc = HttpSecurityUtils.getRoutingContextAttribute(request);
        if (rc == null) {
            return false;
        }
        if (rc.get(UserClassFilter.ENDPOINT_USER_CLASSES_KEY) instanceof String exact) {
            return UserClassFilter.admits(exact, userClass);
        }
        return endpoints.admits(rc.request().method().name(), rc.normalizedPath(), userClass);
    }

    private static AuthenticationFailedException rejected(RejectionReason reason) {
        return new AuthenticationFailedException(reason.description(),
                Map.of(HexclaveAuthMechanism.REJECTION_KEY, reason));
    }
}
