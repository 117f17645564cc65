package io.quarkiverse.hexclave.client;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletionStage;

import io.quarkiverse.hexclave.client.error.PermissionNotHeldException;
import io.quarkiverse.hexclave.client.model.TeamPermission;
import io.quarkiverse.hexclave.client.model.TeamPermissionQuery;

/**
 * Hexclave's team permissions (wire reference §8.1): permissions a member holds in one team. Server access; blocking
 * and {@code …Async} forms, shaped like {@link ProjectPermissionsApi}.
 * <p>
 * Errors: {@link io.quarkiverse.hexclave.client.error.PermissionNotFoundException} ({@code PERMISSION_NOT_FOUND},
 * {@code WRONG_PERMISSION_SCOPE} for a project permission id), {@link io.quarkiverse.hexclave.client.error.TeamMembershipNotFoundException},
 * {@link PermissionNotHeldException}.
 */
public final class TeamPermissionsApi {

    private final RequestSender sender;

    TeamPermissionsApi(RequestSender sender) {
        this.sender = sender;
    }

    /** The permissions matching {@code query} ({@code GET /team-permissions}, not paginated). */
    public CompletionStage<List<TeamPermission>> listAsync(TeamPermissionQuery query) {
        return RequestSender.guard(() -> sender.send(ApiCall.of("GET", "/team-permissions", Access.SERVER)
                .withQuery(Objects.requireNonNull(query, "query").parameters()))
                .thenApply(r -> Json.items(r, Json.tree(r), TeamPermission.class)));
    }

    /** The permissions matching {@code query}. */
    public List<TeamPermission> list(TeamPermissionQuery query) {
        return sender.blocking(() -> listAsync(query));
    }

    /** Whether the member holds the permission in the team, directly or through a permission that contains it. */
    public CompletionStage<Boolean> hasAsync(String teamId, String userId, String permissionId) {
        return RequestSender.guard(() -> listAsync(TeamPermissionQuery.builder().teamId(teamId).userId(userId)
                .permissionId(permissionId).recursive(true).build()).thenApply(held -> !held.isEmpty()));
    }

    /** Whether the member holds the permission in the team, directly or through a permission that contains it. */
    public boolean has(String teamId, String userId, String permissionId) {
        return sender.blocking(() -> hasAsync(teamId, userId, permissionId));
    }

    /** Grants a permission to a team member ({@code POST /team-permissions/{team}/{user}/{permission}}, never retried). */
    public CompletionStage<TeamPermission> grantAsync(String teamId, String userId, String permissionId) {
        return RequestSender.guard(() -> sender.send(ApiCall.of("POST", path(teamId, userId, permissionId), Access.SERVER)
                .withBody(Json.MAPPER.createObjectNode())).thenApply(r -> Json.read(r, TeamPermission.class)));
    }

    /** Grants a permission to a team member. */
    public TeamPermission grant(String teamId, String userId, String permissionId) {
        return sender.blocking(() -> grantAsync(teamId, userId, permissionId));
    }

    /**
     * Revokes a directly granted permission of a team member ({@code DELETE /team-permissions/{team}/{user}/{permission}});
     * {@code PermissionNotHeldException} ({@code TEAM_PERMISSION_NOT_FOUND}) if the member does not hold it directly.
     * When a retry (after a lost answer) gets that error or a 404, an earlier attempt revoked it: that counts as
     * success.
     */
    public CompletionStage<Void> revokeAsync(String teamId, String userId, String permissionId) {
        return RequestSender.guard(() -> sender.send(ApiCall.of("DELETE", path(teamId, userId, permissionId), Access.SERVER),
                e -> e.status() == 404 || e instanceof PermissionNotHeldException).thenApply(r -> null));
    }

    /** Revokes a permission of a team member. */
    public void revoke(String teamId, String userId, String permissionId) {
        sender.blocking(() -> revokeAsync(teamId, userId, permissionId));
    }

    private static String path(String teamId, String userId, String permissionId) {
        return "/team-permissions/" + RequestSender.segment(teamId) + "/" + RequestSender.segment(userId) + "/"
                + RequestSender.segment(permissionId);
    }
}
