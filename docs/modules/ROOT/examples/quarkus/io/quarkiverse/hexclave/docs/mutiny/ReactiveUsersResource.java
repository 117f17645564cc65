package io.quarkiverse.hexclave.docs.mutiny;

import java.util.stream.Collectors;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestResponse;

import io.quarkiverse.hexclave.cdi.CurrentHexclaveUser;
import io.quarkiverse.hexclave.cdi.HexclaveUser;
import io.quarkiverse.hexclave.client.error.UserNotFoundException;
import io.quarkiverse.hexclave.client.model.ListUsersQuery;
import io.quarkiverse.hexclave.client.model.User;
import io.quarkiverse.hexclave.runtime.mutiny.MutinyHexclaveClient;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;

// The Mutiny examples of the client page (tags inject, client, end) and the Quarkus page (inject, profile, end).
// tag::inject[]
@Path("/reactive")
@RequestScoped
@Authenticated
public class ReactiveUsersResource {

    @Inject
    MutinyHexclaveClient hexclave;
    // end::inject[]

    // tag::profile[]
    @Inject
    @HexclaveUser
    CurrentHexclaveUser user;

    @GET
    @Path("/me")
    public Uni<String> me() { // <1>
        return hexclave.profileOf(user) // <2>
                .map(User::displayNameOrEmail);
    }
    // end::profile[]

    // tag::client[]
    @GET
    @Path("/users/{id}")
    public Uni<RestResponse<String>> name(@RestPath String id) {
        return hexclave.users().get(id) // <1>
                .map(u -> RestResponse.ok(u.displayNameOrEmail()))
                .onFailure(UserNotFoundException.class) // <2>
                .recoverWithItem(RestResponse.status(Response.Status.NOT_FOUND, "no such user"));
    }

    @GET
    @Path("/users")
    public Uni<String> firstUsers() {
        return hexclave.users().listAll(ListUsersQuery.builder().limit(4).build()) // <3>
                .select().first(10)
                .map(User::id)
                .collect().with(Collectors.joining("\n"));
    }
    // end::client[]
    // tag::end[]
}
// end::end[]
