package io.quarkiverse.hexclave.jakarta;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.quarkiverse.hexclave.client.model.Team;
import io.quarkiverse.hexclave.jakarta.internal.HexclaveComponents;
import io.quarkiverse.hexclave.verifier.HexclavePrincipal;

/**
 * Programmatic authorization checks for the current request's Hexclave user: team-scoped permissions ("may this user
 * edit this team's data"), project permissions and the user's teams.
 * <pre>{@code
 * @Inject HexclaveAuthorization authorization;
 *
 * @PUT @Path("/teams/{teamId}/settings")
 * public Response update(@PathParam("teamId") String teamId, Settings settings) {
 *     if (!authorization.has(teamId, "team_admin")) {
 *         return Response.status(Response.Status.FORBIDDEN).build();
 *     }
 *     ...
 * }
 * }</pre>
 * Permissions are not in the access token: each answer comes from Hexclave's server API (with the secret server key),
 * recursive (a permission implied by a contained one counts), and is cached per user for
 * {@code hexclave.authorization.cache-ttl} (default 30s, also how long a revoked permission can still pass), one call
 * per kind (project permissions, team permissions of every team, teams) per user per cache lifetime, concurrent
 * requests of one user sharing one call. Without a signed-in Hexclave user every check is {@code false} and every list
 * empty, with no call. When Hexclave cannot answer, the methods throw {@link AuthorizationUnavailableException}: map it
 * to 503, never treat it as "no".
 */
@ApplicationScoped
public class HexclaveAuthorization {

    @Inject
    HexclaveIdentity identity;

    @Inject
    HexclaveComponents components;

    /** Whether the current user holds {@code permissionId} in the team {@code teamId}, directly or by containment. */
    public boolean has(String teamId, String permissionId) {
        Objects.requireNonNull(teamId, "teamId");
        Objects.requireNonNull(permissionId, "permissionId");
        return userId().map(user -> components.authorization().teamPermissions(user, teamId).contains(permissionId))
                .orElse(false);
    }

    /**
     * Whether the current user holds {@code permissionId} in the team selected in the access token
     * ({@code selected_team_id}); {@code false} when no team is selected.
     */
    public boolean hasInSelectedTeam(String permissionId) {
        return identity.principal().flatMap(HexclavePrincipal::selectedTeamId).map(team -> has(team, permissionId))
                .orElse(false);
    }

    /** Whether the current user holds the project permission {@code permissionId}, directly or by containment. */
    public boolean hasProjectPermission(String permissionId) {
        Objects.requireNonNull(permissionId, "permissionId");
        return projectPermissions().contains(permissionId);
    }

    /** The ids of the current user's project permissions (the groups they are given at login, unless turned off). */
    public Set<String> projectPermissions() {
        return userId().map(user -> components.authorization().projectPermissions(user)).orElse(Set.of());
    }

    /** The ids of the current user's permissions in the team {@code teamId}. */
    public Set<String> teamPermissions(String teamId) {
        Objects.requireNonNull(teamId, "teamId");
        return userId().map(user -> components.authorization().teamPermissions(user, teamId)).orElse(Set.of());
    }

    /** The teams the current user is a member of. */
    public List<Team> teams() {
        return userId().map(user -> components.authorization().teams(user)).orElse(List.of());
    }

    private Optional<String> userId() {
        return identity.principal().map(HexclavePrincipal::userId);
    }
}
