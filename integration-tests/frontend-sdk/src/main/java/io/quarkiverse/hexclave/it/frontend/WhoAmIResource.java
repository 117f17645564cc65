package io.quarkiverse.hexclave.it.frontend;

import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkiverse.hexclave.verifier.HexclavePrincipal;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;

/** The backend endpoint the browser page calls with the JS SDK's {@code getAuthorizationHeader()}. */
@Path("/whoami")
public class WhoAmIResource {

    @Inject
    SecurityIdentity identity;

    @GET
    @Authenticated
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, String> whoami() {
        HexclavePrincipal user = (HexclavePrincipal) identity.getPrincipal();
        return Map.of("sub", user.userId(), "email", user.email().orElse(""));
    }
}
