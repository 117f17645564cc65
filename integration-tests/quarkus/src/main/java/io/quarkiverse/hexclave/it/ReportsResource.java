package io.quarkiverse.hexclave.it;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkiverse.hexclave.runtime.authorization.SelectedTeamPermission;
import io.quarkus.security.PermissionsAllowed;

/** Hexclave permissions: a project permission as a role, a team permission in the selected team. */
@Path("/reports")
@Produces(MediaType.TEXT_PLAIN)
public class ReportsResource {

    @GET
    @RolesAllowed("reports_read")
    public String reports() {
        return "reports";
    }

    @GET
    @Path("/team")
    @PermissionsAllowed(value = "reports_write", permission = SelectedTeamPermission.class)
    public String teamReports() {
        return "team reports";
    }
}
