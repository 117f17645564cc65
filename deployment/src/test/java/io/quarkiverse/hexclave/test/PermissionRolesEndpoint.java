package io.quarkiverse.hexclave.test;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

/** Endpoints guarded by Hexclave project permissions used as roles, beside ones needing only built-in roles. */
@Path("/perm")
@Produces(MediaType.TEXT_PLAIN)
public class PermissionRolesEndpoint {

    @GET
    @Path("/admin")
    @RolesAllowed("admin")
    public String admin() {
        return "admin area";
    }

    /** {@code reports_read} is contained in {@code admin}: an admin passes through containment. */
    @GET
    @Path("/reports")
    @RolesAllowed({ "reports_read", "auditor" })
    public String reports() {
        return "reports";
    }

    /** A non-blocking endpoint: the permission call must still leave the event loop. */
    @GET
    @Path("/admin-reactive")
    @RolesAllowed("admin")
    public Uni<String> adminReactive() {
        return Uni.createFrom().item("admin reactive");
    }

    @GET
    @Path("/authenticated")
    @Authenticated
    public String authenticated() {
        return "any user";
    }

    @GET
    @Path("/builtin-role")
    @RolesAllowed("authenticated")
    public String builtinRole() {
        return "built-in role";
    }

    @GET
    @Path("/public")
    public String open() {
        return "public";
    }
}
