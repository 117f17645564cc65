package io.quarkiverse.hexclave.it;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkiverse.hexclave.client.HexclaveClient;
import io.quarkus.security.Authenticated;

/** The injected server-side client. */
@Path("/admin/users")
@Produces(MediaType.TEXT_PLAIN)
@Authenticated
public class AdminResource {

    @Inject
    HexclaveClient hexclave;

    @GET
    @Path("/{id}")
    public String displayName(@PathParam("id") String id) {
        return hexclave.users().get(id).displayName();
    }
}
