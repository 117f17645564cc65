package io.quarkiverse.hexclave.runtime.authorization;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.quarkiverse.hexclave.client.HexclaveClient;
import io.quarkiverse.hexclave.client.error.UserNotFoundException;
import io.quarkiverse.hexclave.client.model.ListTeamsQuery;
import io.quarkiverse.hexclave.client.model.ProjectPermission;
import io.quarkiverse.hexclave.client.model.ProjectPermissionQuery;
import io.quarkiverse.hexclave.client.model.Team;
import io.quarkiverse.hexclave.client.model.TeamPermission;
import io.quarkiverse.hexclave.client.model.TeamPermissionQuery;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * What Hexclave grants a user, loaded once per user per cache lifetime: project permissions, team permissions (both
 * with recursive containment) and teams. Permissions are not in the access token (wire reference §8), so this is the
 * one place that asks.
 * <p>
 * Each is a Quarkus cache ({@value #PROJECT_PERMISSIONS}, {@value #TEAM_PERMISSIONS}, {@value #TEAMS}): concurrent
 * first requests of one user share one call (single flight), a failed call is not cached, and the call runs on a
 * worker thread, never on the event loop. Failures are the client's exceptions; a user Hexclave does not know (deleted
 * since the token was issued) holds nothing.
 */
@Singleton
public class HexclaveGrants {

    /** The Quarkus cache of each user's project permission ids. */
    public static final String PROJECT_PERMISSIONS = "hexclave-project-permissions";
    /** The Quarkus cache of each user's team permission ids, by team id. */
    public static final String TEAM_PERMISSIONS = "hexclave-team-permissions";
    /** The Quarkus cache of each user's teams. */
    public static final String TEAMS = "hexclave-teams";
    /** Every cache of this class. */
    public static final List<String> CACHE_NAMES = List.of(PROJECT_PERMISSIONS, TEAM_PERMISSIONS, TEAMS);

    private static final Logger LOG = Logger.getLogger(HexclaveGrants.class);

    private final HexclaveClient client;
    private final Cache projectPermissions;
    private final Cache teamPermissions;
    private final Cache teams;

    @Inject
    HexclaveGrants(HexclaveClient client, @CacheName(PROJECT_PERMISSIONS) Cache projectPermissions,
            @CacheName(TEAM_PERMISSIONS) Cache teamPermissions, @CacheName(TEAMS) Cache teams) {
        this.client = client;
        this.projectPermissions = projectPermissions;
        this.teamPermissions = teamPermissions;
        this.teams = teams;
    }

    /** The ids of the project permissions {@code userId} holds. */
    Uni<Set<String>> projectPermissions(String userId) {
        return projectPermissions.getAsync(userId, id -> load("project permissions", () -> {
            List<ProjectPermission> held = client.projectPermissions().list(ProjectPermissionQuery.ofUser(id));
            return held.stream().map(ProjectPermission::id).collect(Collectors.toUnmodifiableSet());
        }, Set.of()));
    }

    /** The ids of the team permissions {@code userId} holds, by team id (teams where they hold none are absent). */
    Uni<Map<String, Set<String>>> teamPermissions(String userId) {
        return teamPermissions.getAsync(userId, id -> load("team permissions", () -> {
            Map<String, Set<String>> byTeam = new HashMap<>();
            for (TeamPermission p : client.teamPermissions().list(TeamPermissionQuery.ofUser(id))) {
                byTeam.computeIfAbsent(p.teamId(), t -> new HashSet<>()).add(p.id());
            }
            byTeam.replaceAll((team, ids) -> Set.copyOf(ids));
            return Map.copyOf(byTeam);
        }, Map.of()));
    }

    /** The teams {@code userId} is a member of. */
    Uni<List<Team>> teams(String userId) {
        return teams.getAsync(userId, id -> load("teams",
                () -> client.teams().listAll(ListTeamsQuery.ofUser(id)).toList(), List.of()));
    }

    /**
     * Forgets what is cached for one user (a webhook said their permissions, memberships or teams changed), so that
     * their next check asks Hexclave again.
     */
    public void forget(String userId) {
        projectPermissions.invalidate(userId).await().indefinitely();
        teamPermissions.invalidate(userId).await().indefinitely();
        teams.invalidate(userId).await().indefinitely();
    }

    /**
     * Forgets the team permissions and teams of every user (a team was deleted or changed, and its members are not
     * known here).
     */
    public void forgetTeams() {
        teamPermissions.invalidateAll().await().indefinitely();
        teams.invalidateAll().await().indefinitely();
    }

    private static <T> Uni<T> load(String what, Supplier<T> call, T ofUnknownUser) {
        return Uni.createFrom().item(() -> {
            LOG.debugf("Loading the Hexclave %s of a user on thread %s", what, Thread.currentThread().getName());
            try {
                return call.get();
            } catch (UserNotFoundException e) {
                return ofUnknownUser;
            }
        }).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }
}
