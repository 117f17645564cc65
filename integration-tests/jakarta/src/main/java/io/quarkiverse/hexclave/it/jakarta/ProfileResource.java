package io.quarkiverse.hexclave.it.jakarta;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkiverse.hexclave.cdi.CurrentHexclaveUser;
import io.quarkiverse.hexclave.cdi.HexclaveUser;
import io.quarkiverse.hexclave.client.HexclaveClient;
import io.quarkiverse.hexclave.client.model.User;

/** The current user's profile (lazily loaded) and the REST client. */
@Path("/secure/hexclave")
@RequestScoped
@RolesAllowed("authenticated")
public class ProfileResource {

    @Inject
    @HexclaveUser
    CurrentHexclaveUser user;

    @Inject
    @HexclaveUser
    CurrentHexclaveUser sameUser;

    @Inject
    HexclaveClient client;

    /** Claims first (no call), then the profile twice: one load per request. */
    @GET
    @Path("/profile")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> profile() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("userId", user.userId());
        out.put("loadedBeforeUse", user.profileLoaded());
        User first = user.profile();
        User second = sameUser.profile();
        out.put("displayName", first.displayName());
        out.put("primaryEmail", first.primaryEmail());
        out.put("sameInstanceForTheRequest", user == sameUser);
        out.put("loadedOnce", first == second);
        return out;
    }

    /** A server-side call with the secret server key. */
    @GET
    @Path("/users/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> user(@PathParam("id") String id) {
        User u = client.users().get(id);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", u.id());
        out.put("displayName", u.displayName());
        return out;
    }
}
