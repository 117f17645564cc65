package io.quarkiverse.hexclave.docs.authorization;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import io.quarkiverse.hexclave.runtime.authorization.HexclaveAuthorization;
import io.quarkiverse.hexclave.runtime.authorization.HexclaveTeamPermission;
import io.quarkiverse.hexclave.runtime.authorization.SelectedTeamPermission;
import io.quarkus.security.Authenticated;
import io.quarkus.security.PermissionsAllowed;

@Path("/")
public class TeamDocsResource {

    // tag::declarative[]
    @GET
    @Path("/teams/{teamId}/docs")
    @PermissionsAllowed(value = "docs_read", permission = HexclaveTeamPermission.class, params = "teamId") // <1>
    public List<String> docs(@PathParam("teamId") String teamId) {
        return List.of("handbook");
    }

    @GET
    @Path("/my-team/docs")
    @PermissionsAllowed(value = "docs_read", permission = SelectedTeamPermission.class) // <2>
    public List<String> docsOfMyTeam() {
        return List.of("handbook");
    }
    // end::declarative[]

    // tag::programmatic[]
    @Inject
    HexclaveAuthorization authz;

    @PUT
    @Path("/teams/{teamId}/docs/{docId}")
    @Authenticated
    public String update(@PathParam("teamId") String teamId, @PathParam("docId") String docId, String body) {
        if (!authz.has(teamId, "docs_write")) {
            throw new ForbiddenException();
        }
        return "updated " + docId;
    }
    // end::programmatic[]
}
