package io.quarkiverse.hexclave.jakarta;

import java.lang.reflect.Method;

import jakarta.annotation.Priority;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;

import io.quarkiverse.hexclave.security.RefuseApiKeys;

/**
 * {@link RefuseApiKeys}: a caller authenticated by a Hexclave API key gets 403 on the annotated JAX-RS resource method
 * (or every method of an annotated class), looked up by the method JAX-RS matched. A {@code @Provider}, found as
 * {@link HexclaveUserClassFilter} is; an application that lists its classes in {@code getClasses()} adds this one to
 * use the annotation.
 */
@Provider
@Priority(Priorities.AUTHORIZATION)
public class HexclaveApiKeyCallerFilter implements ContainerRequestFilter {

    @Context
    ResourceInfo resourceInfo;

    @Context
    HttpServletRequest request;

    @Override
    public void filter(ContainerRequestContext context) {
        if (refuses(resourceInfo.getResourceClass(), resourceInfo.getResourceMethod())
                && request.getAttribute(HexclaveHttpAuthenticationMechanism.API_KEY_PRINCIPAL_ATTRIBUTE) != null) {
            context.abortWith(Response.status(Response.Status.FORBIDDEN).header("Cache-Control", "no-store").build());
        }
    }

    /** Whether {@code method} of {@code resourceClass} (or the class) carries {@link RefuseApiKeys}. */
    static boolean refuses(Class<?> resourceClass, Method method) {
        return method != null && method.isAnnotationPresent(RefuseApiKeys.class)
                || resourceClass != null && resourceClass.isAnnotationPresent(RefuseApiKeys.class);
    }
}
