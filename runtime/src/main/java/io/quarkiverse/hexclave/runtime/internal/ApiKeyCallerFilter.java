package io.quarkiverse.hexclave.runtime.internal;

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

import io.quarkiverse.hexclave.apikey.HexclaveApiKeyPrincipal;
import io.quarkiverse.hexclave.security.RefuseApiKeys;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * {@link RefuseApiKeys}: a caller authenticated by a Hexclave API key gets 403 on the annotated resource method (or
 * on every method of an annotated class), looked up by the method JAX-RS matched.
 */
@Provider
@Priority(Priorities.AUTHORIZATION)
public class ApiKeyCallerFilter implements ContainerRequestFilter {

    @Context
    ResourceInfo resourceInfo;

    /** Looked up per request: REST providers are created at static init, before these beans exist. */
    @Inject
    Instance<SecurityIdentity> identity;

    @Override
    public void filter(ContainerRequestContext request) {
        if (refuses() && identity.get().getPrincipal() instanceof HexclaveApiKeyPrincipal) {
            request.abortWith(Response.status(Response.Status.FORBIDDEN).header("Cache-Control", "no-store").build());
        }
    }

    private boolean refuses() {
        var method = resourceInfo.getResourceMethod();
        var resource = resourceInfo.getResourceClass();
        return method != null && method.isAnnotationPresent(RefuseApiKeys.class)
                || resource != null && resource.isAnnotationPresent(RefuseApiKeys.class);
    }
}
