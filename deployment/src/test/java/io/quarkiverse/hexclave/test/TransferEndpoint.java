package io.quarkiverse.hexclave.test;

import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;

/** A state-changing endpoint: the target of a cross-site request forgery. */
@Path("/transfer")
@Produces(MediaType.TEXT_PLAIN)
public class TransferEndpoint {

    @Inject
    SecurityIdentity identity;

    @POST
    @Authenticated
    public String transfer() {
        return "transferred for " + identity.getPrincipal().getName();
    }
}
