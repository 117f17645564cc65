package io.quarkiverse.hexclave.runtime.internal;

import java.lang.reflect.Method;
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

import io.quarkiverse.hexclave.runtime.security.AllowAnonymousUsers;
import io.quarkiverse.hexclave.runtime.security.AllowRestrictedUsers;
import io.quarkiverse.hexclave.verifier.Challenge;
import io.quarkiverse.hexclave.verifier.HexclavePrincipal;
import io.quarkiverse.hexclave.verifier.UserClass;
import io.quarkiverse.hexclave.verifier.UserClassPolicy;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.ext.web.RoutingContext;

/**
 * Second, exact-method layer of {@link AllowRestrictedUsers} / {@link AllowAnonymousUsers} (the first is the identity
 * provider, which admits such users only on requests whose HTTP method and path match an annotated endpoint): a
 * restricted or anonymous Hexclave user who is not admitted globally reaches only the JAX-RS methods (or classes)
 * carrying the matching annotation; elsewhere the request is answered with the 401 {@link Challenge}.
 * <p>
 * It also records the matched method's grant in the routing context ({@link #ENDPOINT_GRANT_KEY}), so that an
 * identity resolved later (lazy authentication, when the endpoint first reads it) is checked against the exact method.
 */
@Provider
@Priority(Priorities.AUTHORIZATION)
public class UserClassFilter implements ContainerRequestFilter {

    /** Routing-context key of the {@code Set<UserClass>} the matched JAX-RS method grants. */
    public static final String ENDPOINT_GRANT_KEY = "io.quarkiverse.hexclave.endpoint-grant";

    @Context
    ResourceInfo resourceInfo;

    /** The Vert.x request: its user is set once authentication happened, without forcing it (lazy auth). */
    @Inject
    RoutingContext routingContext;

    /** Looked up per request: REST providers are created at static init, before the verifier exists. */
    @Inject
    Instance<EndpointVerifier> verifiers;

    @Override
    public void filter(ContainerRequestContext request) {
        Method method = resourceInfo.getResourceMethod();
        Class<?> type = resourceInfo.getResourceClass();
        Set<UserClass> grant = UserClassPolicy.grant(annotated(method, type, AllowRestrictedUsers.class),
                annotated(method, type, AllowAnonymousUsers.class));
        routingContext.put(ENDPOINT_GRANT_KEY, grant);
        if (!(routingContext.user() instanceof QuarkusHttpUser user)
                || !(user.getSecurityIdentity().getPrincipal() instanceof HexclavePrincipal principal)) {
            return; // not authenticated (yet: the identity provider reads the key above), or not by Hexclave
        }
        Set<UserClass> admitted = verifiers.get().verifier().policy().admittedOn(grant);
        var refusal = UserClassPolicy.refusal(principal.userClass(), admitted);
        if (refusal != null) {
            Response.ResponseBuilder response = Response.status(Response.Status.UNAUTHORIZED);
            Challenge.unauthorized(refusal.reason()).headers().forEach(response::header);
            request.abortWith(response.build());
        }
    }

    private static boolean annotated(Method method, Class<?> type,
            Class<? extends java.lang.annotation.Annotation> annotation) {
        return (method != null && method.isAnnotationPresent(annotation))
                || (type != null && type.isAnnotationPresent(annotation));
    }
}
