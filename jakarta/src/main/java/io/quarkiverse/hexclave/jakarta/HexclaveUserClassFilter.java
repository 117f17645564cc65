package io.quarkiverse.hexclave.jakarta;

import java.io.IOException;
import java.lang.reflect.Method;
import java.util.Optional;
import java.util.Set;

import jakarta.annotation.Priority;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

import org.jboss.logging.Logger;

import io.quarkiverse.hexclave.jakarta.internal.EndpointGrants;
import io.quarkiverse.hexclave.security.AllowAnonymousUsers;
import io.quarkiverse.hexclave.security.AllowRestrictedUsers;
import io.quarkiverse.hexclave.verifier.Challenge;
import io.quarkiverse.hexclave.verifier.RejectionReason;
import io.quarkiverse.hexclave.verifier.UserClass;
import io.quarkiverse.hexclave.verifier.UserClassPolicy;
import io.quarkiverse.hexclave.verifier.Verification;

/**
 * Admits restricted and anonymous Hexclave users on the JAX-RS resource methods that grant their class
 * ({@link AllowRestrictedUsers} / {@link AllowAnonymousUsers}), and refuses them on every other one.
 * <p>
 * {@link HexclaveHttpAuthenticationMechanism} runs before JAX-RS routing, so it cannot know the endpoint: it verifies
 * such a user's token, does <em>not</em> log them in, and marks the request as waiting for a grant. Once JAX-RS has
 * matched the resource method, this filter looks the grant up by that method (never by path). If the method grants
 * the user's class, it asks the container to authenticate the request again ({@link HttpServletRequest#authenticate}),
 * and the mechanism then logs the user in, with the group {@code restricted} (and {@code anonymous}) but without
 * {@code authenticated}; otherwise the request is answered with the 401 challenge of the user's class
 * ({@code error_description="restricted users are not allowed"}). It runs before authorization filters
 * ({@link Priorities#AUTHENTICATION}), so {@code @RolesAllowed} sees the admitted user.
 * <p>
 * A {@code @Provider}: JAX-RS finds it in {@code WEB-INF/lib} when the application's {@code Application} subclass
 * lists no classes; an application that lists its classes in {@code getClasses()} adds this one to use the
 * annotations. Without it such users are never logged in (fail closed).
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class HexclaveUserClassFilter implements ContainerRequestFilter {

    private static final Logger LOG = Logger.getLogger(HexclaveUserClassFilter.class);

    @Context
    ResourceInfo resourceInfo;

    @Context
    HttpServletRequest request;

    @Context
    HttpServletResponse response;

    /** For JAX-RS, which injects the request's context. */
    public HexclaveUserClassFilter() {
    }

    /** With explicit collaborators, for tests: {@link #decide} is all but the rendering. */
    HexclaveUserClassFilter(HttpServletRequest request, HttpServletResponse response) {
        this.request = request;
        this.response = response;
    }

    @Override
    public void filter(ContainerRequestContext context) {
        decide(resourceInfo.getResourceClass(), resourceInfo.getResourceMethod()).ifPresent(challenge -> {
            Response.ResponseBuilder answer = Response.status(challenge.status());
            challenge.headers().forEach(answer::header);
            context.abortWith(answer.build());
        });
    }

    /**
     * The decision for the request matched to {@code method} of {@code resourceClass}: empty to let it pass (nobody
     * waits for a grant, or the waiting user is now logged in), else the challenge to answer with.
     */
    Optional<Challenge> decide(Class<?> resourceClass, Method method) {
        Optional<EndpointGrants.Pending> pending = EndpointGrants.pending(request);
        if (pending.isEmpty()) {
            return Optional.empty(); // not authenticated, authenticated everywhere, or by another mechanism
        }
        UserClass userClass = pending.get().userClass();
        UserClassPolicy policy = pending.get().policy();
        Set<UserClass> grant = EndpointGrants.grantOf(resourceClass, method);
        if (!policy.admittedOn(grant).contains(userClass)) {
            LOG.debugf("Hexclave %s user refused: the matched resource method grants %s", userClass, grant);
            return Optional.of(refusal(userClass, policy));
        }
        EndpointGrants.granted(request, grant);
        boolean authenticated;
        try {
            authenticated = request.authenticate(response);
        } catch (ServletException | IOException | RuntimeException e) {
            LOG.debugf("Authenticating a granted Hexclave %s user failed: %s", userClass, e.getClass().getName());
            authenticated = false;
        }
        if (authenticated && request.getAttribute(HexclaveHttpAuthenticationMechanism.PRINCIPAL_ATTRIBUTE) != null) {
            return Optional.empty();
        }
        // The mechanism answered otherwise this time (Hexclave became unreachable, no identity store validated the
        // user): its challenge, never a pass.
        Object answered = request.getAttribute(HexclaveHttpAuthenticationMechanism.CHALLENGE_ATTRIBUTE);
        return Optional.of(answered instanceof Challenge c ? c : refusal(userClass, policy));
    }

    /** The 401 of a user of {@code userClass} where only the global classes pass. */
    private static Challenge refusal(UserClass userClass, UserClassPolicy policy) {
        Verification.Rejected refusal = UserClassPolicy.refusal(userClass, policy.global());
        return Challenge.unauthorized(refusal != null ? refusal.reason() : RejectionReason.MALFORMED);
    }

    private static void abort(ContainerRequestContext context, Challenge challenge) {
        Response.ResponseBuilder answer = Response.status(challenge.status());
        challenge.headers().forEach(answer::header);
        context.abortWith(answer.build());
    }
}
