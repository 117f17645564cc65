package io.quarkiverse.hexclave.test;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkiverse.hexclave.security.AllowAnonymousUsers;
import io.quarkus.security.Authenticated;

/** A catch-all template (an SPA fallback) that admits guests: its path matches every other route too. */
@Path("/")
@Produces(MediaType.TEXT_PLAIN)
public class SpaFallbackEndpoint {

    @GET
    @Path("{path: .+}")
    @Authenticated
    @AllowAnonymousUsers
    public String page(@PathParam("path") String path) {
        return "page " + path;
    }
}
