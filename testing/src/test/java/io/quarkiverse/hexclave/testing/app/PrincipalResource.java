package io.quarkiverse.hexclave.testing.app;

import java.util.TreeSet;
import java.util.stream.Collectors;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkiverse.hexclave.cdi.CurrentHexclaveUser;
import io.quarkiverse.hexclave.cdi.HexclaveUser;
import io.quarkiverse.hexclave.runtime.authorization.HexclaveAuthorization;
import io.quarkiverse.hexclave.security.AllowAnonymousUsers;
import io.quarkiverse.hexclave.verifier.HexclavePrincipal;
import io.quarkus.security.Authenticated;
import io.quarkus.security.PermissionsAllowed;
import io.quarkus.security.identity.SecurityIdentity;

/** What an application sees of the user through the injection points. */
@Path("/principal")
@Produces(MediaType.TEXT_PLAIN)
@RequestScoped
@Authenticated
public class PrincipalResource {

    @Inject
    JsonWebToken jwt;

    @Inject
    @HexclaveUser
    HexclavePrincipal principal;

    @Inject
    @HexclaveUser
    CurrentHexclaveUser user;

    @Inject
    SecurityIdentity identity;

    @Inject
    HexclaveAuthorization authorization;

    @GET
    @Path("/jwt")
    public String jwt() {
        return String.join("|", jwt.getSubject(), jwt.getIssuer(), String.join(",", jwt.getAudience()),
                String.valueOf(jwt.<Object> getClaim("email")), String.valueOf(jwt.<Object> getClaim("name")),
                String.valueOf(jwt.<Object> getClaim("tier")), String.valueOf(jwt.<Object> getClaim("level")),
                String.join(",", new TreeSet<>(jwt.getGroups())));
    }

    @GET
    @Path("/user")
    public String user() {
        return String.join("|", principal.userId(), principal.email().orElse("-"),
                String.valueOf(principal.emailVerified()), principal.displayName().orElse("-"),
                principal.selectedTeamId().orElse("-"), principal.userClass().name(), principal.projectId(),
                user.userId(), String.valueOf(user.profileLoaded()));
    }

    @GET
    @Path("/roles")
    public String roles() {
        return String.join(",", new TreeSet<>(identity.getRoles()));
    }

    @GET
    @Path("/teams")
    public String teams() {
        return authorization.teams().stream().map(t -> t.id() + "=" + t.displayName())
                .collect(Collectors.joining(","));
    }

    @GET
    @Path("/holds")
    public String holds() {
        return authorization.hasProjectPermission("reports_read") + "|" + authorization.has("acme", "docs_read") + "|"
                + authorization.hasInSelectedTeam("docs_write");
    }

    @GET
    @Path("/attributes")
    public String attributes() {
        return identity.getAttribute("team-size") + "|" + identity.getAttribute("hexclave.user-class");
    }

    @GET
    @Path("/detail")
    @PermissionsAllowed("see:detail")
    public String detail() {
        return "detail";
    }

    @GET
    @Path("/guest-welcome")
    @AllowAnonymousUsers
    public String guestWelcome() {
        return principal.userId() + "|" + principal.userClass();
    }
}
