package io.quarkiverse.hexclave.docs.authorization;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

// tag::admin[]
@Path("/admin")
public class AdminResource {

    @GET
    @RolesAllowed("admin") // <1>
    public String dashboard() {
        return "admin area";
    }

    @GET
    @Path("/reports")
    @RolesAllowed({ "reports_read", "auditor" }) // <2>
    public String reports() {
        return "reports";
    }
}
// end::admin[]
