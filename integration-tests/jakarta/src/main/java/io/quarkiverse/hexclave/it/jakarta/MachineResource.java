package io.quarkiverse.hexclave.it.jakarta;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;

import io.quarkiverse.hexclave.jakarta.HexclaveIdentity;
import io.quarkiverse.hexclave.security.RefuseApiKeys;

/** For callers with Hexclave API keys (machine clients), beside token callers. */
@Path("/machine")
@RequestScoped
public class MachineResource {

    @Inject
    HexclaveIdentity identity;

    @Context
    HttpServletRequest request;

    /** Key callers only: who they are, as the container and the Hexclave beans see them. */
    @GET
    @RolesAllowed("hexclave-api-key")
    @Produces(MediaType.TEXT_PLAIN)
    public String caller() {
        return request.getUserPrincipal().getName() + " admin=" + request.isUserInRole("admin") + " team="
                + request.isUserInRole("team") + " user="
                + identity.currentUser().map(u -> u.userId()).orElse("none");
    }

    /** People only: a key caller gets 403. */
    @GET
    @Path("/people")
    @RolesAllowed("authenticated")
    @RefuseApiKeys
    @Produces(MediaType.TEXT_PLAIN)
    public String people() {
        return "person " + request.getUserPrincipal().getName();
    }
}
