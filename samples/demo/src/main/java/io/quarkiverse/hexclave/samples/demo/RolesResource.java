package io.quarkiverse.hexclave.samples.demo;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Role checks: every signed-in Hexclave user has the role {@code authenticated}; {@code admin} is not a role Hexclave
 * gives, so a normal user gets 403 there.
 */
@Path("/")
@Produces(MediaType.TEXT_PLAIN)
public class RolesResource {

    @GET
    @Path("/members")
    @RolesAllowed("authenticated")
    public String members() {
        return "Welcome, member";
    }

    @GET
    @Path("/admin")
    @RolesAllowed("admin")
    public String admin() {
        return "Welcome, admin";
    }
}
