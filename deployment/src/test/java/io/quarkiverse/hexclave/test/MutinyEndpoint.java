package io.quarkiverse.hexclave.test;

import java.util.HashSet;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;
import org.jboss.resteasy.reactive.RestResponse;

import io.quarkiverse.hexclave.cdi.CurrentHexclaveUser;
import io.quarkiverse.hexclave.cdi.HexclaveUser;
import io.quarkiverse.hexclave.client.HexclaveClient;
import io.quarkiverse.hexclave.client.error.UserNotFoundException;
import io.quarkiverse.hexclave.client.model.ListUsersQuery;
import io.quarkiverse.hexclave.client.model.User;
import io.quarkiverse.hexclave.runtime.mutiny.MutinyHexclaveClient;
import io.quarkus.arc.Arc;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Reactive endpoints (they run on the event loop) over the Mutiny client: the injected one, and one over a client whose
 * answers arrive late on another thread ({@link SlowHexclave}). Each reports where its continuations ran:
 * {@code sameContext,eventLoop,requestScope} (on the request's Vert.x context? on an event-loop thread? with the
 * request scope active?).
 */
@Path("/mutiny")
@Produces(MediaType.TEXT_PLAIN)
@RequestScoped
@Authenticated
public class MutinyEndpoint {

    @Inject
    @HexclaveUser
    CurrentHexclaveUser user;

    @Inject
    MutinyHexclaveClient hexclave;

    @Inject
    HexclaveClient client;

    @Inject
    SlowHexclave slow;

    /** The profile without blocking, then the user again through the client. */
    @GET
    @Path("/profile")
    public Uni<String> profile() {
        Context request = Vertx.currentContext();
        String entry = "entry=" + Context.isOnEventLoopThread();
        return hexclave.profileOf(user)
                .map(profile -> profile.displayName() + "|" + where(request))
                .chain(first -> hexclave.users().get(user.userId())
                        .map(again -> first + "|" + again.id().equals(user.userId()) + "|" + where(request)))
                .map(answer -> entry + "|" + answer + "|loaded=" + user.profileLoaded()
                        + "|sameClient=" + (hexclave.client() == client));
    }

    /** The same over a client whose answers come late on another thread: they are brought back all the same. */
    @GET
    @Path("/slow/profile")
    public Uni<String> slowProfile() {
        Context request = Vertx.currentContext();
        CurrentHexclaveUser sameUser = CurrentHexclaveUser.of(user.principal(), slow.client, null);
        return slow.mutiny.profileOf(sameUser)
                .map(profile -> profile.displayName() + "|" + where(request))
                .chain(first -> slow.mutiny.users().get(user.userId()).map(again -> first + "|" + where(request)))
                .onFailure(UserNotFoundException.class)
                .recoverWithItem(e -> "gone|" + ((UserNotFoundException) e).code() + "|" + where(request));
    }

    /** Control: the core's stage straight into a Uni continues wherever the HTTP client completed it. */
    @GET
    @Path("/raw")
    public Uni<String> raw() {
        Context request = Vertx.currentContext();
        return Uni.createFrom().completionStage(() -> slow.client.users().getAsync(user.userId()))
                .map(u -> where(request) + "|" + Thread.currentThread().getName());
    }

    /** A user by id; an unknown one is the core's typed exception, answered 404 here. */
    @GET
    @Path("/users/{id}")
    public Uni<RestResponse<String>> user(@RestPath String id) {
        Context request = Vertx.currentContext();
        return slow.mutiny.users().get(id).map(u -> RestResponse.ok(u.displayName()))
                .onFailure(UserNotFoundException.class).recoverWithItem(e -> RestResponse.status(
                        Response.Status.NOT_FOUND, "no such user|" + ((UserNotFoundException) e).code() + "|"
                                + where(request)));
    }

    /** Users, {@code limit} per page, the first {@code take} of them (all when negative). */
    @GET
    @Path("/users")
    public Uni<String> users(@RestQuery int limit, @RestQuery @DefaultValue("-1") int take) {
        Context request = Vertx.currentContext();
        AtomicInteger offContext = new AtomicInteger();
        Multi<User> all = slow.mutiny.users().listAll(ListUsersQuery.builder().limit(limit).build());
        return (take < 0 ? all : all.select().first(take))
                .invoke(u -> {
                    if (Vertx.currentContext() != request) {
                        offContext.incrementAndGet();
                    }
                })
                .map(User::id).collect().asList()
                .map(ids -> ids.size() + "|" + new HashSet<>(ids).size() + "|" + offContext.get() + "|" + where(request));
    }

    static String where(Context request) {
        return (Vertx.currentContext() == request) + "," + Context.isOnEventLoopThread() + ","
                + Arc.container().requestContext().isActive();
    }
}
