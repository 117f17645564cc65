package io.quarkiverse.hexclave.test;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.security.identity.SecurityIdentity;

/** No security annotation at all: reads the identity, which resolves it under lazy authentication. */
@Path("/whoami")
@Produces(MediaType.TEXT_PLAIN)
public class WhoAmIEndpoint {

    @Inject
    SecurityIdentity identity;

    @GET
    public String whoAmI() {
        return identity.isAnonymous() ? "nobody" : "user " + identity.getPrincipal().getName();
    }
}
