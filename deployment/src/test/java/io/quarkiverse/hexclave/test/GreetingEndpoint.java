package io.quarkiverse.hexclave.test;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;

/** Endpoints shared by the extension tests. */
@Path("/greet")
@Produces(MediaType.TEXT_PLAIN)
public class GreetingEndpoint {

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken jwt;

    @GET
    @Authenticated
    public String greet() {
        return "hello " + identity.getPrincipal().getName();
    }

    @GET
    @Path("/roles")
    @RolesAllowed("authenticated")
    public String roles() {
        return String.join(",", new java.util.TreeSet<>(identity.getRoles()));
    }

    @GET
    @Path("/public")
    @PermitAll
    public String publicGreeting() {
        return identity.isAnonymous() ? "hello stranger" : "hello " + identity.getPrincipal().getName();
    }

    @GET
    @Path("/static")
    @PermitAll
    public String staticGreeting() {
        return "hello"; // never looks at the identity
    }

    @GET
    @Path("/jwt")
    @Authenticated
    public String jwt() {
        return jwt.getSubject() + "|" + jwt.getIssuer() + "|" + jwt.getClaim("email");
    }

    @GET
    @Path("/own-cache-control")
    @Authenticated
    public Response ownCacheControl() {
        return Response.ok("cacheable").header("Cache-Control", "public, max-age=60").build();
    }
}
