package io.quarkiverse.hexclave.deployment;

import java.util.List;

import io.quarkus.builder.item.SimpleBuildItem;

/**
 * Whether the application allows restricted or anonymous users on some endpoints
 * ({@code @AllowRestrictedUsers}, {@code @AllowAnonymousUsers}), and which endpoints (HTTP method and path pattern,
 * in the format of {@code UserClassEndpoints}). The verifier then accepts those classes, and the identity provider
 * authenticates them only on requests to those endpoints.
 */
public final class UserClassAnnotationsBuildItem extends SimpleBuildItem {

    private final boolean restricted;
    private final boolean anonymous;
    private final List<String> endpoints;

    public UserClassAnnotationsBuildItem(boolean restricted, boolean anonymous, List<String> endpoints) {
        this.restricted = restricted;
        this.anonymous = anonymous;
        this.endpoints = List.copyOf(endpoints);
    }

    public boolean restricted() {
        return restricted;
    }

    public boolean anonymous() {
        return anonymous;
    }

    /** The annotated endpoints: {@code "<METHOD|*> <R|-><A|-> <path regex>"}. */
    public List<String> endpoints() {
        return endpoints;
    }
}
