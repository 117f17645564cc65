package io.quarkiverse.hexclave.it;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkiverse.hexclave.cdi.CurrentHexclaveUser;
import io.quarkiverse.hexclave.cdi.HexclaveUser;
import io.quarkiverse.hexclave.verifier.HexclavePrincipal;
import io.quarkus.security.Authenticated;

/** The signed-in user: token claims at once, the full profile on demand. */
@Path("/me")
@Produces(MediaType.TEXT_PLAIN)
@RequestScoped
@Authenticated
public class MeResource {

    @Inject
    @HexclaveUser
    HexclavePrincipal principal;

    @Inject
    @HexclaveUser
    CurrentHexclaveUser user;

    @GET
    public String claims() {
        return principal.userId() + "|" + principal.displayName().orElse("-") + "|" + principal.userClass();
    }

    /** Reads the profile twice: one call to Hexclave. */
    @GET
    @Path("/profile")
    public String profile() {
        String first = user.profile().displayName();
        String second = user.profile().primaryEmail();
        return first + "|" + second;
    }
}
