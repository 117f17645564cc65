package io.quarkiverse.hexclave.it.jwt;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkiverse.hexclave.cdi.HexclaveUser;
import io.quarkiverse.hexclave.verifier.HexclavePrincipal;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;

/** Tells which mechanism authenticated the caller. */
@Path("/whoami")
@Produces(MediaType.TEXT_PLAIN)
@RequestScoped
@Authenticated
public class WhoAmIResource {

    @Inject
    SecurityIdentity identity;

    /** smallrye-jwt's producer: reads the identity's principal, whichever mechanism made it. */
    @Inject
    JsonWebToken jwt;

    @Inject
    @HexclaveUser
    HexclavePrincipal hexclaveUser;

    @GET
    public String whoami() {
        String by = identity.getPrincipal() instanceof HexclavePrincipal ? "hexclave" : "smallrye-jwt";
        return by + "|" + jwt.getSubject() + "|" + jwt.getIssuer() + "|" + (hexclaveUser != null);
    }
}
