package io.quarkiverse.hexclave.benchmarks.e2e.app;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * The whole benchmark application, compiled unchanged into both packaged apps: one with {@code quarkus-hexclave}, one
 * with {@code quarkus-smallrye-jwt}. Only standard Quarkus security is used, so the same code runs over either.
 */
@Path("/")
@Produces(MediaType.TEXT_PLAIN)
public class BenchmarkResource {

    @Inject
    SecurityIdentity identity;

    /** The baseline: no credential needed, none looked at by the endpoint. */
    @GET
    @Path("public")
    public String open() {
        return "ok";
    }

    /** The user id (the token's {@code sub}) of an authenticated caller. */
    @GET
    @Path("me")
    @Authenticated
    public String me() {
        return identity.getPrincipal().getName();
    }
}
