package io.quarkiverse.hexclave.test;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.web.Route;

/** A reactive route ({@code quarkus-reactive-routes}) protected by {@code @Authenticated} alone, no HTTP permission. */
@ApplicationScoped
public class ReactiveRoutes {

    @Inject
    SecurityIdentity identity;

    @Route(path = "/reactive/secret", methods = Route.HttpMethod.GET)
    @Authenticated
    String secret() {
        return "reactive secret for " + identity.getPrincipal().getName();
    }
}
