package io.quarkiverse.hexclave.it.jakarta;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkiverse.hexclave.jakarta.HexclaveIdentity;
import io.quarkiverse.hexclave.verifier.HexclavePrincipal;

/** Open to everyone; says who the caller is when a Hexclave user is signed in. */
@Path("/public")
@RequestScoped
@PermitAll
public class PublicResource {

    @Inject
    HexclaveIdentity identity;

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String hello() {
        return "hello " + identity.principal().map(HexclavePrincipal::userId).orElse("guest");
    }
}
