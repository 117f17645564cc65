package io.quarkiverse.hexclave.test.devservices;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;

/** Answers the signed-in user's id. */
@Path("/whoami")
public class WhoAmIResource {

    @Inject
    SecurityIdentity identity;

    @GET
    @Authenticated
    public String whoAmI() {
        return identity.getPrincipal().getName();
    }
}
