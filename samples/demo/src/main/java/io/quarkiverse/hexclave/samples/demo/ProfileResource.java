package io.quarkiverse.hexclave.samples.demo;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkiverse.hexclave.cdi.CurrentHexclaveUser;
import io.quarkiverse.hexclave.cdi.HexclaveUser;
import io.quarkiverse.hexclave.client.HexclaveClient;
import io.quarkiverse.hexclave.client.model.User;
import io.quarkus.security.Authenticated;

/**
 * The signed-in user's profile (loaded from Hexclave by {@code CurrentHexclaveUser}) and sessions (listed through
 * the injected server-side {@code HexclaveClient}). Request-scoped, because {@code @HexclaveUser} values belong to
 * one request.
 */
@Path("/me")
@RequestScoped
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class ProfileResource {

    /** What the profile endpoint answers. */
    public record Profile(String id, String displayName, String email, boolean emailVerified, Instant signedUpAt) {
    }

    /** One session of the user; {@code current} marks the session of the request's token. */
    public record SessionView(String id, Instant createdAt, boolean current) {
    }

    @Inject
    @HexclaveUser
    CurrentHexclaveUser user;

    @Inject
    HexclaveClient hexclave;

    @GET
    public Profile profile() {
        User p = user.profile();
        return new Profile(p.id(), p.displayName(), p.primaryEmail(), p.primaryEmailVerified(),
                p.signedUpAt().orElse(null));
    }

    @GET
    @Path("/sessions")
    public List<SessionView> sessions() {
        String currentSession = user.principal().sessionId().orElse(null);
        return hexclave.sessions().list(user.userId()).stream()
                .map(s -> new SessionView(s.id(), s.createdAtInstant(), s.id().equals(currentSession)))
                .toList();
    }
}
