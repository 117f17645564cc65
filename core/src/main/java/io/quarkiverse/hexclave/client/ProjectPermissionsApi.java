package io.quarkiverse.hexclave.client;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletionStage;

import io.quarkiverse.hexclave.client.error.PermissionNotFoundException;
import io.quarkiverse.hexclave.client.model.ProjectPermission;
import io.quarkiverse.hexclave.client.model.ProjectPermissionQuery;

/**
 * Hexclave's project permissions (wire reference §8.2): permissions a user holds project-wide, not in a team. Server
 * access; blocking and {@code …Async} forms. Permission definitions (which ids exist and what they contain) are
 * managed in the Hexclave dashboard; the server API has no operation for them.
 * <p>
 * Errors: {@link PermissionNotFoundException} ({@code PERMISSION_NOT_FOUND} for an id the project does not define,
 * {@code WRONG_PERMISSION_SCOPE} for a team permission id), {@link io.quarkiverse.hexclave.client.error.UserNotFoundException}.
 */
public final class ProjectPermissionsApi {

    private final RequestSender sender;

    ProjectPermissionsApi(RequestSender sender) {
        this.sender = sender;
    }

    /** The permissions matching {@code query} ({@code GET /project-permissions}, not paginated). */
    public CompletionStage<List<ProjectPermission>> listAsync(ProjectPermissionQuery query) {
        return RequestSender.guard(() -> sender.send(ApiCall.of("GET", "/project-permissions", Access.SERVER)
                .withQuery(Objects.requireNonNull(query, "query").parameters()))
                .thenApply(r -> Json.items(r, Json.tree(r), ProjectPermission.class)));
    }

    /** The permissions matching {@code query}. */
    public List<ProjectPermission> list(ProjectPermissionQuery query) {
        return sender.blocking(() -> listAsync(query));
    }

    /** Whether the user holds the permission, directly or through a permission that contains it. */
    public CompletionStage<Boolean> hasAsync(String userId, String permissionId) {
        return RequestSender.guard(() -> listAsync(ProjectPermissionQuery.builder().userId(userId)
                .permissionId(permissionId).recursive(true).build()).thenApply(held -> !held.isEmpty()));
    }

    /** Whether the user holds the permission, directly or through a permission that contains it. */
    public boolean has(String userId, String permissionId) {
        return sender.blocking(() -> hasAsync(userId, permissionId));
    }

    /** Grants a project permission ({@code POST /project-permissions/{user}/{permission}}, never retried). */
    public CompletionStage<ProjectPermission> grantAsync(String userId, String permissionId) {
        return RequestSender.guard(() -> sender.send(ApiCall.of("POST", path(userId, permissionId), Access.SERVER)
                .withBody(Json.MAPPER.createObjectNode())).thenApply(r -> Json.read(r, ProjectPermission.class)));
    }

    /** Grants a project permission. */
    public ProjectPermission grant(String userId, String permissionId) {
        return sender.blocking(() -> grantAsync(userId, permissionId));
    }

    /**
     * Revokes a directly granted project permission ({@code DELETE /project-permissions/{user}/{permission}});
     * {@code PermissionNotFoundException} if the user does not hold it directly. When a retry (after a lost answer)
     * gets that error, an earlier attempt revoked it: that counts as success.
     */
    public CompletionStage<Void> revokeAsync(String userId, String permissionId) {
        return RequestSender.guard(() -> sender.send(ApiCall.of("DELETE", path(userId, permissionId), Access.SERVER),
                e -> e instanceof PermissionNotFoundException).thenApply(r -> null));
    }

    /** Revokes a directly granted project permission. */
    public void revoke(String userId, String permissionId) {
        sender.blocking(() -> revokeAsync(userId, permissionId));
    }

    private static String path(String userId, String permissionId) {
        return "/project-permissions/" + RequestSender.segment(userId) + "/" + RequestSender.segment(permissionId);
    }
}
