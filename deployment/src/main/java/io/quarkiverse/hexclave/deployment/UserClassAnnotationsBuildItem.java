package io.quarkiverse.hexclave.deployment;

import io.quarkus.builder.item.SimpleBuildItem;

/**
 * Whether the application allows restricted or anonymous users on some endpoints
 * ({@code @AllowRestrictedUsers}, {@code @AllowAnonymousUsers}). The verifier then accepts those classes and the
 * per-endpoint filter decides.
 */
public final class UserClassAnnotationsBuildItem extends SimpleBuildItem {

    private final boolean restricted;
    private final boolean anonymous;

    public UserClassAnnotationsBuildItem(boolean restricted, boolean anonymous) {
        this.restricted = restricted;
        this.anonymous = anonymous;
    }

    public boolean restricted() {
        return restricted;
    }

    public boolean anonymous() {
        return anonymous;
    }
}
