package io.quarkiverse.hexclave.it.jwt;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;

/** Tells who called, by principal type and roles (a Hexclave API key's caller has no JsonWebToken). */
@Path("/machine")
@Produces(MediaType.TEXT_PLAIN)
@RequestScoped
@Authenticated
public class MachineResource {

    @Inject
    SecurityIdentity identity;

    @GET
    public String caller() {
        return identity.getPrincipal().getClass().getSimpleName() + "|" + identity.getPrincipal().getName() + "|"
                + identity.getRoles().stream().sorted().toList();
    }
}
