package io.quarkiverse.hexclave.it.vthreads;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkiverse.hexclave.cdi.CurrentHexclaveUser;
import io.quarkiverse.hexclave.cdi.HexclaveUser;
import io.quarkiverse.hexclave.client.HexclaveClient;
import io.quarkiverse.hexclave.runtime.authorization.HexclaveAuthorization;
import io.quarkiverse.hexclave.runtime.authorization.HexclaveTeamPermission;
import io.quarkus.security.Authenticated;
import io.quarkus.security.PermissionsAllowed;
import io.smallrye.common.annotation.RunOnVirtualThread;

/**
 * Endpoints that run on virtual threads and block in Hexclave calls: the user's profile, the injected client, a
 * project permission as a role, a team permission checked declaratively and one checked in code. Each answer starts
 * with the kind of thread that served it ({@code virtual} or {@code platform}).
 */
@Path("/vt")
@Produces(MediaType.TEXT_PLAIN)
@RequestScoped
@Authenticated
public class VirtualThreadResource {

    @Inject
    @HexclaveUser
    CurrentHexclaveUser user;

    @Inject
    HexclaveClient hexclave;

    @Inject
    HexclaveAuthorization authz;

    /** The signed-in user's profile: one call to Hexclave. */
    @GET
    @Path("/profile")
    @RunOnVirtualThread
    public String profile() {
        return thread() + "|" + user.profile().displayName();
    }

    /** A user read with the injected client's blocking form. */
    @GET
    @Path("/users/{id}")
    @RunOnVirtualThread
    public String user(@PathParam("id") String id) {
        return thread() + "|" + hexclave.users().get(id).primaryEmail();
    }

    /** A project permission as a role ({@code admin} contains {@code reports_read}). */
    @GET
    @Path("/reports")
    @RunOnVirtualThread
    @RolesAllowed("reports_read")
    public String reports() {
        return thread() + "|reports";
    }

    /** A team permission in the team of the path. */
    @GET
    @Path("/teams/{teamId}/docs")
    @RunOnVirtualThread
    @PermissionsAllowed(value = "docs_read", permission = HexclaveTeamPermission.class, params = "teamId")
    public String docs(@PathParam("teamId") String teamId) {
        return thread() + "|docs";
    }

    /** A team permission checked in code, with the blocking form, on the virtual thread. */
    @GET
    @Path("/teams/{teamId}/can-write")
    @RunOnVirtualThread
    public String canWrite(@PathParam("teamId") String teamId) {
        return thread() + "|" + authz.has(teamId, "docs_write");
    }

    private static String thread() {
        return Thread.currentThread().isVirtual() ? "virtual" : "platform";
    }
}
