package io.quarkiverse.hexclave.test;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkiverse.hexclave.cdi.CurrentHexclaveUser;
import io.quarkiverse.hexclave.cdi.HexclaveUser;
import io.quarkiverse.hexclave.client.HexclaveClient;
import io.quarkiverse.hexclave.verifier.HexclavePrincipal;
import io.quarkus.security.Authenticated;

/** {@code @HexclaveUser} injection into a request-scoped resource, and the injected client. */
@Path("/me")
@Produces(MediaType.TEXT_PLAIN)
@RequestScoped
public class CurrentUserEndpoint {

    @Inject
    @HexclaveUser
    HexclavePrincipal principal;

    @Inject
    @HexclaveUser
    CurrentHexclaveUser user;

    @Inject
    HexclaveClient client;

    @GET
    @Authenticated
    public String claims() {
        return principal.userId() + "|" + principal.email().orElse("-") + "|" + user.profileLoaded();
    }

    @GET
    @Path("/profile")
    @Authenticated
    public String profile() {
        boolean before = user.profileLoaded();
        var first = user.profile();
        var second = user.profile();
        return before + "|" + first.displayName() + "|" + (first == second) + "|" + user.profileLoaded();
    }

    @GET
    @Path("/client")
    @Authenticated
    public String viaClient() {
        return client.users().get(principal.userId()).primaryEmail();
    }
}
