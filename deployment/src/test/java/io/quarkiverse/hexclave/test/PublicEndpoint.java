package io.quarkiverse.hexclave.test;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.security.identity.SecurityIdentity;

/** One public endpoint that needs nothing but Quarkus Security. */
@Path("/public")
@Produces(MediaType.TEXT_PLAIN)
public class PublicEndpoint {

    @Inject
    SecurityIdentity identity;

    @GET
    public String who() {
        return identity.isAnonymous() ? "hello stranger" : "hello " + identity.getPrincipal().getName();
    }
}
