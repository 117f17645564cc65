package io.quarkiverse.hexclave.test;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.ext.web.Router;

/** A plain Vert.x route, protected only by an HTTP permission ({@code policy=authenticated}). */
@ApplicationScoped
public class VertxRoutes {

    void register(@Observes Router router) {
        router.get("/vertx/secret").handler(rc -> {
            String name = rc.user() instanceof QuarkusHttpUser user
                    ? user.getSecurityIdentity().getPrincipal().getName()
                    : "nobody";
            rc.response().end("secret for " + name);
        });
    }
}
