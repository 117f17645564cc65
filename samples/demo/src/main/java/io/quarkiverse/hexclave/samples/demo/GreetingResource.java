package io.quarkiverse.hexclave.samples.demo;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkiverse.hexclave.verifier.HexclavePrincipal;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;

/** Greets the signed-in user by the name in their access token. */
@Path("/hello")
public class GreetingResource {

    @Inject
    SecurityIdentity identity;

    @ConfigProperty(name = "demo.greeting", defaultValue = "Hello")
    String greeting;

    @GET
    @Authenticated
    @Produces(MediaType.TEXT_PLAIN)
    public String hello() {
        HexclavePrincipal user = (HexclavePrincipal) identity.getPrincipal();
        return greeting + ", " + user.displayName().or(user::email).orElse(user.userId());
    }
}
