package io.quarkiverse.hexclave.it;

import java.util.TreeSet;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.Claim;
import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;

/** Standard Quarkus security over Hexclave: {@code SecurityIdentity}, roles, {@code JsonWebToken}, {@code @Claim}. */
@Path("/greet")
@Produces(MediaType.TEXT_PLAIN)
@RequestScoped
public class GreetingResource {

    @Inject
    SecurityIdentity identity;

    @Inject
    JsonWebToken jwt;

    @Inject
    @Claim("email")
    String email;

    @GET
    @Authenticated
    public String hello() {
        return "hello " + identity.getPrincipal().getName();
    }

    @GET
    @Path("/public")
    @PermitAll
    public String helloStranger() {
        return identity.isAnonymous() ? "hello stranger" : "hello " + identity.getPrincipal().getName();
    }

    @GET
    @Path("/roles")
    @RolesAllowed("authenticated")
    public String roles() {
        return String.join(",", new TreeSet<>(identity.getRoles()));
    }

    @GET
    @Path("/token")
    @Authenticated
    public String token() {
        return jwt.getSubject() + "|" + email + "|" + jwt.getAudience();
    }

    @GET
    @Path("/cacheable")
    @Authenticated
    public Response cacheable() {
        return Response.ok("mine").header("Cache-Control", "private, max-age=30").build();
    }
}
