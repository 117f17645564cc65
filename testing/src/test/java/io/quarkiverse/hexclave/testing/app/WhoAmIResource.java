package io.quarkiverse.hexclave.testing.app;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import io.quarkiverse.hexclave.security.AllowRestrictedUsers;
import io.quarkiverse.hexclave.verifier.HexclavePrincipal;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;

/** What the real mechanism made of the request's token. */
@Path("/whoami")
@Authenticated
public class WhoAmIResource {

    @Inject
    SecurityIdentity identity;

    @GET
    public String userId() {
        return identity.getPrincipal().getName();
    }

    @GET
    @Path("/name")
    public String name() {
        HexclavePrincipal p = (HexclavePrincipal) identity.getPrincipal();
        return p.displayName().orElse("-") + " <" + p.email().orElse("-") + ">";
    }

    @GET
    @Path("/restricted-welcome")
    @AllowRestrictedUsers
    public String restrictedWelcome() {
        return identity.getPrincipal().getName();
    }
}
