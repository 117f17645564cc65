package io.quarkiverse.hexclave.test;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkiverse.hexclave.security.AllowAnonymousUsers;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;

/** Anonymous (and restricted) users allowed on the whole class. */
@Path("/guest")
@Produces(MediaType.TEXT_PLAIN)
@AllowAnonymousUsers
public class GuestEndpoint {

    @Inject
    SecurityIdentity identity;

    @GET
    @Authenticated
    public String cart() {
        return "cart of " + identity.getPrincipal().getName();
    }
}
