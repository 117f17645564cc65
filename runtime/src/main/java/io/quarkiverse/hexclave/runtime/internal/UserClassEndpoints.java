package io.quarkiverse.hexclave.runtime.internal;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.ws.rs.container.ResourceInfo;

import io.quarkiverse.hexclave.verifier.UserClass;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import io.quarkus.arc.InstanceHandle;

/**
 * The JAX-RS resource methods granted to restricted or anonymous users ({@code @AllowRestrictedUsers} /
 * {@code @AllowAnonymousUsers}), as collected at build time. The identity provider and the JAX-RS filter ask
 * {@link #grantFor(Class, Method)} with the resource method JAX-RS matched for the request: a request that has not
 * reached a JAX-RS resource method (a Vert.x route, a static file, {@code /q/*}, a WebSocket upgrade, an HTTP
 * permission checked before routing) gets no grant, whatever its path.
 */
public final class UserClassEndpoints {

    private final List<EndpointGrant> endpoints;
    private final Map<String, Set<UserClass>> byMethod = new HashMap<>();

    public UserClassEndpoints(List<EndpointGrant> endpoints) {
        this.endpoints = List.copyOf(endpoints);
        for (EndpointGrant e : this.endpoints) {
            byMethod.put(e.key(), e.grant());
        }
    }

    /** Every grant, for the verifier's policy ({@code anywhere}). */
    public List<EndpointGrant> all() {
        return endpoints;
    }

    /**
     * The classes granted by the JAX-RS resource method the current request was matched to (Quarkus REST's
     * request-scoped {@code ResourceInfo}); empty when the request has not been matched to one, or is no JAX-RS
     * request at all.
     */
    public Set<UserClass> grantOfMatchedResourceMethod() {
        ArcContainer container = Arc.container();
        if (byMethod.isEmpty() || container == null || !container.requestContext().isActive()) {
            return Set.of();
        }
        InstanceHandle<ResourceInfo> handle = container.instance(ResourceInfo.class);
        if (!handle.isAvailable()) {
            return Set.of();
        }
        try {
            ResourceInfo info = handle.get();
            return grantFor(info.getResourceClass(), info.getResourceMethod());
        } catch (RuntimeException e) {
            return Set.of(); // no JAX-RS request in progress: nothing matched, nothing granted
        }
    }

    /** The classes the resource method {@code method} of {@code resourceClass} grants; empty when it grants none. */
    public Set<UserClass> grantFor(Class<?> resourceClass, Method method) {
        if (resourceClass == null || method == null || byMethod.isEmpty()) {
            return Set.of();
        }
        List<String> parameters = new ArrayList<>();
        for (Class<?> p : method.getParameterTypes()) {
            parameters.add(p.getName());
        }
        return byMethod.getOrDefault(EndpointGrant.key(resourceClass.getName(), method.getName(), parameters),
                Set.of());
    }
}
