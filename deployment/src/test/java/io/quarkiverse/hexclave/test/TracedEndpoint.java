package io.quarkiverse.hexclave.test;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkiverse.hexclave.client.HexclaveClient;
import io.quarkiverse.hexclave.client.error.HexclaveApiException;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;

/** Endpoints authenticated by a Hexclave token that call Hexclave with the injectable client. */
@Path("/traced")
@Produces(MediaType.TEXT_PLAIN)
public class TracedEndpoint {

    @Inject
    SecurityIdentity identity;

    @Inject
    HexclaveClient hexclave;

    /** The caller's display name, as Hexclave has it. */
    @GET
    @Path("/me")
    @Authenticated
    public String me() {
        return hexclave.users().get(identity.getPrincipal().getName()).displayName();
    }

    /** Another user, answered with Hexclave's status when Hexclave refuses. */
    @GET
    @Path("/users/{id}")
    @Authenticated
    public Response user(@PathParam("id") String id) {
        try {
            return Response.ok(hexclave.users().get(id).displayName()).build();
        } catch (HexclaveApiException e) {
            return Response.status(e.status()).entity(e.code()).build();
        }
    }
}
