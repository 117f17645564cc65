package io.quarkiverse.hexclave.test;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkiverse.hexclave.cdi.CurrentHexclaveUser;
import io.quarkiverse.hexclave.cdi.HexclaveUser;
import io.quarkiverse.hexclave.security.RefuseApiKeys;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;

/** Endpoints for callers with API keys, beside token callers. */
@Path("/keys")
@RequestScoped
@Produces(MediaType.TEXT_PLAIN)
public class ApiKeyEndpoint {

    @Inject
    SecurityIdentity identity;

    @Inject
    @HexclaveUser
    CurrentHexclaveUser user;

    /** Who the caller is: name, roles, and the @HexclaveUser view. */
    @GET
    @Path("/me")
    @Authenticated
    public String me() {
        return identity.getPrincipal().getName() + " " + identity.getRoles().stream().sorted().toList() + " "
                + (user == null ? "no-user" : user.userId() + (user.viaApiKey() ? " via-key" : " via-token"));
    }

    /** The profile of a user key's user, loaded with the server key. */
    @GET
    @Path("/profile")
    @Authenticated
    public String profile() {
        return user.profile().displayName();
    }

    /** Team keys only. */
    @GET
    @Path("/team")
    @RolesAllowed("team")
    public String team() {
        return "team " + identity.getPrincipal().getName();
    }

    /** Machine clients only: callers that came with a key. */
    @GET
    @Path("/machines")
    @RolesAllowed("hexclave-api-key")
    public String machines() {
        return "machine " + identity.getPrincipal().getName();
    }

    /** A Hexclave project permission as a role: works for user keys as for tokens. */
    @GET
    @Path("/admin")
    @RolesAllowed("admin")
    public String admin() {
        return "admin " + identity.getPrincipal().getName();
    }

    /** People only: key callers are refused. */
    @GET
    @Path("/people")
    @Authenticated
    @RefuseApiKeys
    public String people() {
        return "person " + identity.getPrincipal().getName();
    }
}
