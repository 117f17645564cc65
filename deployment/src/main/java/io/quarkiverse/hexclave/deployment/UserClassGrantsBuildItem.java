package io.quarkiverse.hexclave.deployment;

import java.util.List;

import io.quarkiverse.hexclave.runtime.internal.EndpointGrant;
import io.quarkus.builder.item.SimpleBuildItem;

/**
 * The endpoints that grant restricted or anonymous users access ({@code @AllowRestrictedUsers},
 * {@code @AllowAnonymousUsers}): HTTP method, path pattern and the classes granted. The verifier fetches those classes'
 * keys, and the identity provider admits them only on requests to those endpoints.
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
