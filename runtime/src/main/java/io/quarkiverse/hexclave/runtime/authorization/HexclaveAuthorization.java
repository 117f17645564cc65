package io.quarkiverse.hexclave.runtime.authorization;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkiverse.hexclave.client.model.Team;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

/**
 * Programmatic authorization checks for the current Hexclave user: team permissions, project permissions and teams.
 * <p>
 * Each answer comes from the per-user caches ({@code quarkus.hexclave.authorization.cache.*}): at most one Hexclave
 * call per user and kind per cache lifetime, made on a worker thread. The {@code …Async} forms never block and suit
 * reactive endpoints; the blocking forms must not be called on the event loop. Without a Hexclave user (no token,
 * another mechanism's identity) every check is {@code false} and the team list is empty. When Hexclave cannot be
 * asked, the call fails with {@link HexclaveUnavailableException} (answered 503 in a REST endpoint).
 *
 * <pre>{@code
 * @Inject HexclaveAuthorization authz;
 *
 * if (!authz.has(teamId, "docs_write")) throw new ForbiddenException();
 * }</pre>
 */
@ApplicationScoped
public class HexclaveAuthorization {

    private static final Logger LOG = Logger.getLogger(HexclaveAuthorization.class);

    private final CurrentIdentityAssociation identity;
    private final HexclaveGrants grants;

    @Inject
    HexclaveAuthorization(CurrentIdentityAssociation identity, HexclaveGrants grants) {
        this.identity = identity;
        this.grants = grants;
    }

    /** Whether the current user holds {@code permissionId} in team {@code teamId} (containment included). */
    public Uni<Boolean> hasAsync(String teamId, String permissionId) {
        return user().onItem().transformToUni(user -> user.isEmpty() || teamId == null ? Uni.createFrom().item(false)
                : teamPermission(user.get(), teamId, permissionId));
    }

    /** Blocking form of {@link #hasAsync(String, String)}. */
    public boolean has(String teamId, String permissionId) {
        return hasAsync(teamId, permissionId).await().indefinitely();
    }

    /** Whether the current user holds {@code permissionId} in the team selected in their token (false if none). */
    public Uni<Boolean> hasInSelectedTeamAsync(String permissionId) {
        return user().onItem().transformToUni(user -> user.flatMap(AuthorizedUser::selectedTeamId)
                .map(team -> teamPermission(user.get(), team, permissionId)).orElse(Uni.createFrom().item(false)));
    }

    /** Blocking form of {@link #hasInSelectedTeamAsync(String)}. */
    public boolean hasInSelectedTeam(String permissionId) {
        return hasInSelectedTeamAsync(permissionId).await().indefinitely();
    }

    /** Whether the current user holds the project permission {@code permissionId} (containment included). */
    public Uni<Boolean> hasProjectPermissionAsync(String permissionId) {
        return user().onItem().transformToUni(user -> user.isEmpty() ? Uni.createFrom().item(false)
                : guarded(grants.projectPermissions(user.get().userId())).map(held -> held.contains(permissionId)));
    }

    /** Blocking form of {@link #hasProjectPermissionAsync(String)}. */
    public boolean hasProjectPermission(String permissionId) {
        return hasProjectPermissionAsync(permissionId).await().indefinitely();
    }

    /** The teams the current user is a member of. */
    public Uni<List<Team>> teamsAsync() {
        return user().onItem().transformToUni(user -> user.isEmpty() ? Uni.createFrom().item(List.<Team> of())
                : guarded(grants.teams(user.get().userId())));
    }

    /** Blocking form of {@link #teamsAsync()}. */
    public List<Team> teams() {
        return teamsAsync().await().indefinitely();
    }

    private Uni<Boolean> teamPermission(AuthorizedUser user, String teamId, String permissionId) {
        return guarded(grants.teamPermissions(user.userId()))
                .map(byTeam -> byTeam.getOrDefault(teamId, Set.of()).contains(permissionId));
    }

    private Uni<Optional<AuthorizedUser>> user() {
        return identity.getDeferredIdentity().map(AuthorizedUser::of);
    }

    /** Hexclave could not be asked: {@link HexclaveUnavailableException}, answered as unavailable. */
    static <T> Uni<T> guarded(Uni<T> load) {
        return load.onFailure(f -> !(f instanceof HexclaveUnavailableException)).transform(f -> {
            // Debug, not warn: this happens on every such request while Hexclave is down; the client logs the outage.
            LOG.debugf("Hexclave permissions are unavailable: %s", f.getClass().getName());
            return new HexclaveUnavailableException(f);
        });
    }
}
