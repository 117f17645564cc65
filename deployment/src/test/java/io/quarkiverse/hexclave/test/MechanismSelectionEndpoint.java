package io.quarkiverse.hexclave.test;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Endpoints of the mechanism-selection tests: two selected by path in the configuration, one open to either mechanism
 * ({@link AnnotatedMechanismEndpoint} selects by annotation). Each answers who the caller is and which kind of
 * principal authenticated them.
 */
@Path("/mechanisms")
@Produces(MediaType.TEXT_PLAIN)
public class MechanismSelectionEndpoint {

    @Inject
    SecurityIdentity identity;

    @GET
    @Path("/hexclave-only")
    @Authenticated
    public String hexclaveOnly() {
        return caller(identity);
    }

    @GET
    @Path("/basic-only")
    @Authenticated
    public String basicOnly() {
        return caller(identity);
    }

    @GET
    @Path("/either")
    @Authenticated
    public String either() {
        return caller(identity);
    }

    static String caller(SecurityIdentity identity) {
        return identity.getPrincipal().getClass().getSimpleName() + " " + identity.getPrincipal().getName();
    }
}
