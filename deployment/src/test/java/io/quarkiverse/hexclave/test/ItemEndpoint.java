package io.quarkiverse.hexclave.test;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkiverse.hexclave.security.AllowRestrictedUsers;
import io.quarkus.security.Authenticated;

/** A templated path: restricted users may read an item, not delete it. */
@Path("/items")
@Produces(MediaType.TEXT_PLAIN)
public class ItemEndpoint {

    @GET
    @Path("/{id}")
    @Authenticated
    @AllowRestrictedUsers
    public String read(@PathParam("id") String id) {
        return "item " + id;
    }

    @DELETE
    @Path("/{id}")
    @Authenticated
    public String delete(@PathParam("id") String id) {
        return "deleted " + id;
    }
}
