package io.quarkiverse.hexclave.test;

import java.util.concurrent.CompletionStage;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkiverse.hexclave.client.HexclaveClient;

/** Client calls made by an application: blocking on a worker thread, and asynchronous from the event loop. */
@Path("/outgoing")
@Produces(MediaType.TEXT_PLAIN)
@PermitAll
public class OutgoingHttpEndpoint {

    @Inject
    HexclaveClient client;

    /** A blocking call (a worker thread): the user's id, then the thread. */
    @GET
    @Path("/user/{id}")
    public String user(@PathParam("id") String id) {
        return client.users().get(id).id() + " " + Thread.currentThread().getName();
    }

    /** An asynchronous call (a CompletionStage endpoint runs on the event loop): id, calling and completing threads. */
    @GET
    @Path("/user-async/{id}")
    public CompletionStage<String> userAsync(@PathParam("id") String id) {
        String caller = Thread.currentThread().getName();
        return client.users().getAsync(id).thenApply(u -> u.id() + " " + caller + " " + Thread.currentThread().getName());
    }
}
