package io.quarkiverse.hexclave.test;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** A class-level permission role: its methods inherit it unless they carry their own security annotation. */
@Path("/class-admin")
@Produces(MediaType.TEXT_PLAIN)
@RolesAllowed("admin")
public class ClassLevelAdminEndpoint {

    @GET
    public String inherited() {
        return "inherited";
    }

    @GET
    @Path("/open")
    @PermitAll
    public String open() {
        return "open";
    }

    @GET
    @Path("/reports")
    @RolesAllowed("reports_read")
    public String reports() {
        return "reports";
    }
}
