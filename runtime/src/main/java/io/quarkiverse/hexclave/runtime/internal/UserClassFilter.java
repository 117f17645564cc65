package io.quarkiverse.hexclave.runtime.internal;

import java.util.Set;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

import io.quarkiverse.hexclave.security.AllowAnonymousUsers;
import io.quarkiverse.hexclave.security.AllowRestrictedUsers;
import io.quarkiverse.hexclave.verifier.Challenge;
import io.quarkiverse.hexclave.verifier.HexclavePrincipal;
import io.quarkiverse.hexclave.verifier.UserClass;
import io.quarkiverse.hexclave.verifier.UserClassPolicy;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.ext.web.RoutingContext;

/**
 * Second check of {@link AllowRestrictedUsers} / {@link AllowAnonymousUsers}, by the resource method JAX-RS matched
 * (the first is the identity provider, which admits such users only while resolving the identity for a matched
 * resource method that grants their class): a restricted or anonymous Hexclave user who is not admitted globally
 * reaches only the granted resource methods; elsewhere the request is answered with the 401 {@link Challenge}. Both
 * ask the same build-time table, {@link UserClassEndpoints}.
 */
@Provider
@Priority(Priorities.AUTHORIZATION)
public class UserClassFilter implements ContainerRequestFilter {

    @Context
    ResourceInfo resourceInfo;

    /** The Vert.x request: its user is set once authentication happened, without forcing it (lazy auth). */
    @Inject
    RoutingContext routingContext;

    /** Looked up per request: REST providers are created at static init, before these beans exist. */
    @Inject
    Instance<EndpointVerifier> verifiers;

    @Inject
    Instance<UserClassEndpoints> endpoints;

    /** Whether no resource method carries a grant (then the identity provider already checked all there is). */
    private volatile Boolean noGrants;

    @Override
    public void filter(ContainerRequestContext request) {
        Boolean none = noGrants;
        if (none == null) {
            none = endpoints.get().all().isEmpty();
            noGrants = none;
        }
        if (none) {
            return; // without a grant, only globally admitted classes ever got an identity
        }
        if (!(routingContext.user() instanceof QuarkusHttpUser user)
                || !(user.getSecurityIdentity().getPrincipal() instanceof HexclavePrincipal principal)) {
            return; // not authenticated (yet), or not by Hexclave
        }
        Set<UserClass> grant = endpoints.get().grantFor(resourceInfo.getResourceClass(),
                resourceInfo.getResourceMethod());
        Set<UserClass> admitted = verifiers.get().verifier().policy().admittedOn(grant);
        var refusal = UserClassPolicy.refusal(principal.userClass(), admitted);
        if (refusal != null) {
            Response.ResponseBuilder response = Response.status(Response.Status.UNAUTHORIZED);
            Challenge.unauthorized(refusal.reason()).headers().forEach(response::header);
            request.abortWith(response.build());
        }
    }
}
