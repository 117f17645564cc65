package io.quarkiverse.hexclave.runtime.mutiny;

import java.util.List;

import io.quarkiverse.hexclave.client.ProjectPermissionsApi;
import io.quarkiverse.hexclave.client.model.ProjectPermission;
import io.quarkiverse.hexclave.client.model.ProjectPermissionQuery;
import io.smallrye.mutiny.Uni;

/**
 * Project permissions with Mutiny: each method is the {@code …Async} method of the same name in {@link
 * ProjectPermissionsApi} as a {@code Uni}, which calls Hexclave on subscription (again on each) and emits on the
 * subscriber's Vert.x context (see {@link MutinyHexclaveClient}). Same errors as the core, in the {@code Uni}'s
 * failure.
 */
public final class MutinyProjectPermissionsApi {

    private final ProjectPermissionsApi api;

    MutinyProjectPermissionsApi(ProjectPermissionsApi api) {
        this.api = api;
    }

    /** The permissions matching {@code query} ({@code GET /project-permissions}, not paginated). */
    public Uni<List<ProjectPermission>> list(ProjectPermissionQuery query) {
        return CallerContext.uni(() -> api.listAsync(query));
    }

    /** Whether the user holds the permission, directly or through a permission that contains it. */
    public Uni<Boolean> has(String userId, String permissionId) {
        return CallerContext.uni(() -> api.hasAsync(userId, permissionId));
    }

    /** Grants a project permission ({@code POST /project-permissions/{user}/{permission}}, never retried). */
    public Uni<ProjectPermission> grant(String userId, String permissionId) {
        return CallerContext.uni(() -> api.grantAsync(userId, permissionId));
    }

    /**
     * Revokes a directly granted project permission ({@code DELETE /project-permissions/{user}/{permission}});
     * {@code PermissionNotFoundException} if the user does not hold it directly. When a retry (after a lost answer)
     * gets that error, an earlier attempt revoked it: that counts as success.
     */
    public Uni<Void> revoke(String userId, String permissionId) {
        return CallerContext.uni(() -> api.revokeAsync(userId, permissionId));
    }
}
