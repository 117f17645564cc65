package io.quarkiverse.hexclave.deployment;

import java.util.List;

import io.quarkiverse.hexclave.runtime.internal.EndpointGrant;
import io.quarkus.builder.item.SimpleBuildItem;

/**
 * The JAX-RS resource methods that grant restricted or anonymous users access ({@code @AllowRestrictedUsers},
 * {@code @AllowAnonymousUsers}): resource class, method and the classes granted. The verifier fetches those classes'
 * keys, and the identity provider admits them only on requests matched to those methods.
 */
public final class UserClassGrantsBuildItem extends SimpleBuildItem {

    private final List<EndpointGrant> grants;

    public UserClassGrantsBuildItem(List<EndpointGrant> grants) {
        this.grants = List.copyOf(grants);
    }

    public List<EndpointGrant> grants() {
        return grants;
    }
}
