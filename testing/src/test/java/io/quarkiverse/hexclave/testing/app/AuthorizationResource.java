package io.quarkiverse.hexclave.testing.app;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkiverse.hexclave.runtime.authorization.HexclaveTeamPermission;
import io.quarkiverse.hexclave.runtime.authorization.SelectedTeamPermission;
import io.quarkus.security.PermissionsAllowed;

@Path("/authz")
@Produces(MediaType.TEXT_PLAIN)
public class AuthorizationResource {

    @GET
    @Path("/reports")
    @RolesAllowed("reports_read")
    public String reports() {
        return "reports";
    }

    @GET
    @Path("/teams/{teamId}/docs")
    @PermissionsAllowed(value = "docs_read", permission = HexclaveTeamPermission.class, params = "teamId")
    public String docs(@PathParam("teamId") String teamId) {
        return "docs";
    }

    @GET
    @Path("/selected/write")
    @PermissionsAllowed(value = "docs_write", permission = SelectedTeamPermission.class)
    public String write() {
        return "write";
    }
}
