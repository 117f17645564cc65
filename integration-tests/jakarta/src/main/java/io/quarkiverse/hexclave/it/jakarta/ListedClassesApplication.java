package io.quarkiverse.hexclave.it.jakarta;

import java.util.Set;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.MediaType;

import io.quarkiverse.hexclave.jakarta.HexclaveIdentity;
import io.quarkiverse.hexclave.security.AllowRestrictedUsers;
import io.quarkiverse.hexclave.verifier.HexclavePrincipal;

/**
 * A JAX-RS application that lists its classes and leaves HexclaveUserClassFilter out: its grant cannot take effect
 * (on a server that honours the list), and a restricted user must never be admitted through it.
 */
@ApplicationPath("/listed")
public class ListedClassesApplication extends Application {

    @Override
    public Set<Class<?>> getClasses() {
        return Set.of(Listed.class);
    }

    @Path("/who")
    @RequestScoped
    public static class Listed {

        @Inject
        HexclaveIdentity identity;

        @GET
        @PermitAll
        @Produces(MediaType.TEXT_PLAIN)
        public String who() {
            return identity.principal().map(HexclavePrincipal::userId).orElse("guest");
        }

        @GET
        @Path("/granted")
        @PermitAll
        @AllowRestrictedUsers
        @Produces(MediaType.TEXT_PLAIN)
        public String granted() {
            return identity.principal().map(HexclavePrincipal::userId).orElse("guest");
        }
    }
}
