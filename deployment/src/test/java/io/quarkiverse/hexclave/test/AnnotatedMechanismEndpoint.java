package io.quarkiverse.hexclave.test;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.annotation.BasicAuthentication;
import io.quarkus.vertx.http.runtime.security.annotation.HttpAuthenticationMechanism;

/**
 * Endpoints that select their mechanism by annotation (Quarkus allows it only with lazy authentication:
 * {@code quarkus.http.auth.proactive=false}; otherwise the build fails).
 */
@Path("/annotated")
@Produces(MediaType.TEXT_PLAIN)
public class AnnotatedMechanismEndpoint {

    @Inject
    SecurityIdentity identity;

    @GET
    @Path("/hexclave")
    @HttpAuthenticationMechanism("hexclave")
    @Authenticated
    public String annotatedHexclave() {
        return MechanismSelectionEndpoint.caller(identity);
    }

    @GET
    @Path("/basic")
    @BasicAuthentication
    @Authenticated
    public String annotatedBasic() {
        return MechanismSelectionEndpoint.caller(identity);
    }
}
