package io.quarkiverse.hexclave.it.jakarta;

import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkiverse.hexclave.client.model.Team;
import io.quarkiverse.hexclave.jakarta.HexclaveAuthorization;

/** Team-scoped checks with HexclaveAuthorization, the team taken from the path. */
@Path("/secure/teams")
@RequestScoped
public class TeamResource {

    @Inject
    HexclaveAuthorization authorization;

    /** 200 for a user holding the team permission {@code edit} in the team, else 403. */
    @GET
    @Path("/{teamId}/edit")
    @Produces(MediaType.TEXT_PLAIN)
    public Response edit(@PathParam("teamId") String teamId) {
        return authorization.has(teamId, "edit") ? Response.ok("may edit " + teamId).build()
                : Response.status(Response.Status.FORBIDDEN).build();
    }

    /** 200 for a user holding {@code edit} in the team selected in the token, else 403. */
    @GET
    @Path("/selected/edit")
    @Produces(MediaType.TEXT_PLAIN)
    public Response editSelected() {
        return authorization.hasInSelectedTeam("edit") ? Response.ok("may edit the selected team").build()
                : Response.status(Response.Status.FORBIDDEN).build();
    }

    /** The display names of the user's teams. */
    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public List<String> teams() {
        return authorization.teams().stream().map(Team::displayName).sorted().toList();
    }

    /** Whether the user holds a project permission. */
    @GET
    @Path("/project-permission/{permission}")
    @Produces(MediaType.TEXT_PLAIN)
    public String projectPermission(@PathParam("permission") String permission) {
        return Boolean.toString(authorization.hasProjectPermission(permission));
    }
}
