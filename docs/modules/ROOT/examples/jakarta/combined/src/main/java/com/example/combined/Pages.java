package com.example.combined;

import java.security.Principal;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;

@Path("/")
@RequestScoped
public class Pages {

    @Context
    SecurityContext security;

    /** For Hexclave users. */
    @GET
    @Path("api/hello")
    @RolesAllowed("authenticated")
    public String hello() {
        return "Hello " + name(security.getUserPrincipal());
    }

    /** For operators (HTTP Basic). */
    @GET
    @Path("ops/status")
    @RolesAllowed("ops")
    public String status() {
        return "ops page for " + name(security.getUserPrincipal());
    }

    private static String name(Principal principal) {
        return principal == null ? "nobody" : principal.getName();
    }
}
