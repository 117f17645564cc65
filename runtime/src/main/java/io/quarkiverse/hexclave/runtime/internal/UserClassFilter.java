package io.quarkiverse.hexclave.runtime.internal;

import java.lang.reflect.Method;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

import io.quarkiverse.hexclave.runtime.security.AllowAnonymousUsers;
import io.quarkiverse.hexclave.runtime.security.AllowRestrictedUsers;
import io.quarkiverse.hexclave.verifier.HexclavePrincipal;
import io.quarkiverse.hexclave.verifier.RejectionReason;
import io.quarkiverse.hexclave.verifier.UserClass;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.ext.web.RoutingContext;

/**
 * Second, exact-method layer of {@link AllowRestrictedUsers} / {@link AllowAnonymousUsers} (the first is the identity
 * provider, which authenticates such users only on requests whose HTTP method and path match an annotated endpoint):
 * a restricted or anonymous Hexclave user who is not allowed globally reaches only the JAX-RS methods (or classes)
 * carrying the matching annotation; elsewhere the request is answered 401 with the RFC 6750 challenge.
 * <p>
 * It also records the matched method's annotations in the routing context
 * ({@link #ENDPOINT_USER_CLASSES_KEY}), so that an identity resolved later (lazy authentication, when the endpoint
 * first reads it) is checked against the exact method too.
 */
@Provider
@Priority(Priorities.AUTHORIZATION)
public class UserClassFilter implements ContainerRequestFilter {

    /**
     * Routing-context key of the user classes the matched JAX-RS method admits: {@code "R"} (restricted) and/or
     * {@code "A"} (anonymous, implying restricted), as a string such as {@code "RA"} or {@code ""}.
     */
    public static final String ENDPOINT_USER_CLASSES_KEY = "io.quarkiverse.hexclave.endpoint-user-classes";

    @Context
    ResourceInfo resourceInfo;

    /** The Vert.x request: its user is set once authentication happened, without forcing it (lazy auth). */
    @Inject
    RoutingContext routingContext;

    /** Looked up per request: REST providers are created at static init, before the pipeline exists. */
    @Inject
    Instance<VerificationPipeline> pipelines;

    @Override
    public void filter(ContainerRequestContext request) {
        Method method = resourceInfo.getResourceMethod();
        Class<?> type = resourceInfo.getResourceClass();
        boolean restricted = annotated(method, type, AllowRestrictedUsers.class);
        boolean anonymous = annotated(method, type, AllowAnonymousUsers.class);
        routingContext.put(ENDPOINT_USER_CLASSES_KEY, (restricted ? "R" : "") + (anonymous ? "A" : ""));
        if (!(routingContext.user() instanceof QuarkusHttpUser user)
                || !(user.getSecurityIdentity().getPrincipal() instanceof HexclavePrincipal principal)) {
            return; // not authenticated (yet: the identity provider reads the key above), or not by Hexclave
        }
        VerificationPipeline pipeline = pipelines.get();
        if (!pipeline.admitted(principal, restricted, anonymous)) {
            RejectionReason reason = principal.userClass() == UserClass.ANONYMOUS
                    ? RejectionReason.ANONYMOUS_USER_NOT_ALLOWED
                    : RejectionReason.RESTRICTED_USER_NOT_ALLOWED;
            request.abortWith(Response.status(Response.Status.UNAUTHORIZED)
                    .header(HttpHeaders.WWW_AUTHENTICATE, reason.wwwAuthenticate())
                    .header(HttpHeaders.CACHE_CONTROL, "no-store").build());
        }
    }

    /** Whether an endpoint whose annotations are {@code userClasses} (see {@link #ENDPOINT_USER_CLASSES_KEY}) admits c. */
    public static boolean admits(String userClasses, UserClass c) {
        return switch (c) {
            case NORMAL -> true;
            case RESTRICTED -> userClasses.indexOf('R') >= 0 || userClasses.indexOf('A') >= 0;
            case ANONYMOUS -> userClasses.indexOf('A') >= 0;
        };
    }

    private static boolean annotated(Method method, Class<?> type,
            Class<? extends java.lang.annotation.Annotation> annotation) {
        return (method != null && method.isAnnotationPresent(annotation))
                || (type != null && type.isAnnotationPresent(annotation));
    }
}
