package io.quarkiverse.hexclave.test;

import java.util.stream.Collectors;

import jakarta.inject.Inject;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkiverse.hexclave.client.model.Team;
import io.quarkiverse.hexclave.runtime.authorization.HexclaveAuthorization;
import io.quarkiverse.hexclave.runtime.authorization.HexclaveTeamPermission;
import io.quarkiverse.hexclave.runtime.authorization.SelectedTeamPermission;
import io.quarkus.security.Authenticated;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.mutiny.Uni;

/** Team-scoped checks, declarative and programmatic. */
@Path("/team")
@Produces(MediaType.TEXT_PLAIN)
public class TeamPermissionsEndpoint {

    @Inject
    HexclaveAuthorization authz;

    @GET
    @Path("/{teamId}/docs")
    @PermissionsAllowed(value = "docs_read", permission = HexclaveTeamPermission.class, params = "teamId")
    public String docs(@PathParam("teamId") String teamId) {
        return "docs of " + teamId;
    }

    @GET
    @Path("/selected/docs")
    @PermissionsAllowed(value = "docs_read", permission = SelectedTeamPermission.class)
    public String selectedDocs() {
        return "docs of the selected team";
    }

    @GET
    @Path("/{teamId}/write")
    @Authenticated
    public String write(@PathParam("teamId") String teamId) {
        if (!authz.has(teamId, "docs_write")) {
            throw new ForbiddenException();
        }
        return "may write";
    }

    @GET
    @Path("/{teamId}/write-reactive")
    @Authenticated
    public Uni<String> writeReactive(@PathParam("teamId") String teamId) {
        return authz.hasAsync(teamId, "docs_write").map(may -> {
            if (!may) {
                throw new ForbiddenException();
            }
            return "may write";
        });
    }

    @GET
    @Path("/selected/write")
    @Authenticated
    public String selectedWrite() {
        return Boolean.toString(authz.hasInSelectedTeam("docs_write"));
    }

    @GET
    @Path("/mine")
    @Authenticated
    public String mine() {
        return authz.teams().stream().map(Team::displayName).sorted().collect(Collectors.joining(","));
    }

    @GET
    @Path("/project/{permission}")
    @Authenticated
    public String project(@PathParam("permission") String permission) {
        return Boolean.toString(authz.hasProjectPermission(permission));
    }
}
