package io.quarkiverse.hexclave.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletionStage;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkiverse.hexclave.client.error.HexclaveErrors;
import io.quarkiverse.hexclave.client.internal.Access;
import io.quarkiverse.hexclave.client.internal.ApiCall;
import io.quarkiverse.hexclave.client.internal.Json;
import io.quarkiverse.hexclave.client.internal.RequestSender;
import io.quarkiverse.hexclave.client.model.TeamPermission;
import io.quarkiverse.hexclave.client.model.TeamPermissionQuery;

/** Hexclave's team permissions (wire reference §8.1), server access. Blocking and {@code …Async} forms. */
public final class TeamPermissionsApi {

    private final RequestSender sender;

    TeamPermissionsApi(RequestSender sender) {
        this.sender = sender;
    }

    /** The permissions matching {@code query} ({@code GET /team-permissions}, not paginated). */
    public CompletionStage<List<TeamPermission>> listAsync(TeamPermissionQuery query) {
        Objects.requireNonNull(query, "query");
        return sender.send(ApiCall.of("GET", "/team-permissions", Access.SERVER).withQuery(query.parameters()))
                .thenApply(r -> {
                    JsonNode items = Json.tree(r).get("items");
                    if (items == null || !items.isArray()) {
                        throw HexclaveErrors.unexpectedBody(r);
                    }
                    List<TeamPermission> result = new ArrayList<>(items.size());
                    for (JsonNode item : items) {
                        result.add(Json.convert(r, item, TeamPermission.class));
                    }
                    return List.copyOf(result);
                });
    }

    /** The permissions matching {@code query}. */
    public List<TeamPermission> list(TeamPermissionQuery query) {
        return RequestSender.await(listAsync(query));
    }

    /** Grants a permission to a team member ({@code POST /team-permissions/{team}/{user}/{permission}}, never retried). */
    public CompletionStage<TeamPermission> grantAsync(String teamId, String userId, String permissionId) {
        return sender.send(ApiCall.of("POST", path(teamId, userId, permissionId), Access.SERVER)
                .withBody(Json.MAPPER.createObjectNode())).thenApply(r -> Json.read(r, TeamPermission.class));
    }

    /** Grants a permission to a team member. */
    public TeamPermission grant(String teamId, String userId, String permissionId) {
        return RequestSender.await(grantAsync(teamId, userId, permissionId));
    }

    /** Revokes a permission of a team member ({@code DELETE /team-permissions/{team}/{user}/{permission}}). */
    public CompletionStage<Void> revokeAsync(String teamId, String userId, String permissionId) {
        return sender.send(ApiCall.of("DELETE", path(teamId, userId, permissionId), Access.SERVER)).thenApply(r -> null);
    }

    /** Revokes a permission of a team member. */
    public void revoke(String teamId, String userId, String permissionId) {
        RequestSender.await(revokeAsync(teamId, userId, permissionId));
    }

    private static String path(String teamId, String userId, String permissionId) {
        return "/team-permissions/" + RequestSender.segment(teamId) + "/" + RequestSender.segment(userId) + "/"
                + RequestSender.segment(permissionId);
    }
}
