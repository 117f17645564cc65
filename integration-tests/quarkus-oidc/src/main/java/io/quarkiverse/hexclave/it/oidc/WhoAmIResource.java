package io.quarkiverse.hexclave.it.oidc;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkiverse.hexclave.apikey.HexclaveApiKeyPrincipal;
import io.quarkiverse.hexclave.cdi.HexclaveUser;
import io.quarkiverse.hexclave.verifier.HexclavePrincipal;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Tells which mechanism authenticated the caller, the subject, what quarkus-oidc's {@code JsonWebToken} shows, and
 * whether {@code @HexclaveUser} is set. {@code /hexclave-only} and {@code /oidc-only} select their mechanism by path in
 * application.properties.
 */
@Path("/")
@Produces(MediaType.TEXT_PLAIN)
@RequestScoped
@Authenticated
public class WhoAmIResource {

    @Inject
    SecurityIdentity identity;

    /** quarkus-oidc's producer. */
    @Inject
    JsonWebToken jwt;

    @Inject
    @HexclaveUser
    HexclavePrincipal hexclaveUser;

    @GET
    @Path("whoami")
    public String whoami() {
        return answer();
    }

    @GET
    @Path("hexclave-only")
    public String hexclaveOnly() {
        return answer();
    }

    @GET
    @Path("oidc-only")
    public String oidcOnly() {
        return answer();
    }

    private String answer() {
        String by = identity.getPrincipal() instanceof HexclavePrincipal ? "hexclave"
                : identity.getPrincipal() instanceof HexclaveApiKeyPrincipal ? "hexclave-key" : "oidc";
        return by + "|" + identity.getPrincipal().getName() + "|jwt:" + jwt.getSubject() + "|hexclaveUser:"
                + (hexclaveUser != null);
    }
}
