package io.quarkiverse.hexclave.test;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import io.quarkiverse.hexclave.cdi.CurrentHexclaveUser;
import io.quarkiverse.hexclave.cdi.HexclaveUser;
import io.quarkiverse.hexclave.client.HexclaveClient;
import io.quarkus.security.Authenticated;
import io.quarkus.runtime.BlockingOperationNotAllowedException;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.common.annotation.NonBlocking;

/** The client's blocking form called on an event loop, and on a worker thread. */
@Path("/blocking-call")
@Produces(MediaType.TEXT_PLAIN)
@RequestScoped
public class BlockingOnEventLoopEndpoint {

    @Inject
    HexclaveClient hexclave;

    @Inject
    @HexclaveUser
    CurrentHexclaveUser user;

    @GET
    @Path("/profile-on-event-loop")
    @NonBlocking
    @Authenticated
    public String profileOnEventLoop() {
        try {
            return "got " + user.profile().id();
        } catch (BlockingOperationNotAllowedException e) {
            return "refused: " + e.getMessage();
        }
    }

    @GET
    @Path("/event-loop")
    @NonBlocking
    public String onEventLoop(@QueryParam("id") String userId) {
        try {
            return "got " + hexclave.users().get(userId).id();
        } catch (BlockingOperationNotAllowedException e) {
            return "refused: " + e.getMessage();
        }
    }

    @GET
    @Path("/worker")
    @Blocking
    public String onWorker(@QueryParam("id") String userId) {
        return "got " + hexclave.users().get(userId).id();
    }
}
