package io.quarkiverse.hexclave.runtime.mutiny;

import java.util.List;

import io.quarkiverse.hexclave.client.TeamPermissionsApi;
import io.quarkiverse.hexclave.client.model.TeamPermission;
import io.quarkiverse.hexclave.client.model.TeamPermissionQuery;
import io.smallrye.mutiny.Uni;

/**
 * Team permissions with Mutiny: each method is the {@code …Async} method of the same name in {@link
 * TeamPermissionsApi} as a {@code Uni}, which calls Hexclave on subscription (again on each) and emits on the
 * subscriber's Vert.x context (see {@link MutinyHexclaveClient}). Same errors as the core, in the {@code Uni}'s
 * failure.
 */
public final class MutinyTeamPermissionsApi {

    private final TeamPermissionsApi api;

    MutinyTeamPermissionsApi(TeamPermissionsApi api) {
        this.api = api;
    }

    /** The permissions matching {@code query} ({@code GET /team-permissions}, not paginated). */
    public Uni<List<TeamPermission>> list(TeamPermissionQuery query) {
        return CallerContext.uni(() -> api.listAsync(query));
    }

    /** Whether the member holds the permission in the team, directly or through a permission that contains it. */
    public Uni<Boolean> has(String teamId, String userId, String permissionId) {
        return CallerContext.uni(() -> api.hasAsync(teamId, userId, permissionId));
    }

    /** Grants a permission to a team member ({@code POST /team-permissions/{team}/{user}/{permission}}, never retried). */
    public Uni<TeamPermission> grant(String teamId, String userId, String permissionId) {
        return CallerContext.uni(() -> api.grantAsync(teamId, userId, permissionId));
    }

    /**
     * Revokes a directly granted permission of a team member ({@code DELETE /team-permissions/{team}/{user}/{permission}});
     * {@code PermissionNotHeldException} ({@code TEAM_PERMISSION_NOT_FOUND}) if the member does not hold it directly.
     * When a retry (after a lost answer) gets that error or a 404, an earlier attempt revoked it: that counts as
     * success.
     */
    public Uni<Void> revoke(String teamId, String userId, String permissionId) {
        return CallerContext.uni(() -> api.revokeAsync(teamId, userId, permissionId));
    }
}
