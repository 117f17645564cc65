package io.quarkiverse.hexclave.emulator.internal;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Team permissions (§8.1): list, grant, revoke. */
final class TeamPermissionRoutes {

    private final EmulatorStore store;

    TeamPermissionRoutes(EmulatedProject project) {
        this.store = project.store();
    }

    void register(ApiServer server) {
        server.route("GET", "/api/v1/team-permissions", true, this::list);
        server.route("POST", "/api/v1/team-permissions/([^/]+)/([^/]+)/([^/]+)", true, this::grant);
        server.route("DELETE", "/api/v1/team-permissions/([^/]+)/([^/]+)/([^/]+)", true, this::revoke);
    }

    private ApiResponse list(ApiRequest r) {
        String access = r.requireAccess("client", "server", "admin");
        r.allowQuery("user_id", "team_id", "permission_id", "recursive");
        boolean recursive = r.queryFlag("recursive");
        String userId = r.query("user_id");
        if (userId != null) {
            userId = resolveUser(r, userId, "query.user_id");
        }
        if (access.equals("client")) {
            if (r.token() == null) {
                throw KnownError.cannotGetOwnUserWithoutUser();
            }
            if (userId == null) {
                userId = r.token().userId();
            }
            if (!userId.equals(r.token().userId())) {
                throw new StatusError(403, "Client can only list permissions for their own user. user_id must be either \"me\" or the ID of the current user");
            }
        }
        String teamId = r.query("team_id");
        if (teamId != null && !ApiRequest.UUID_PATTERN.matcher(teamId).matches()) {
            throw KnownError.schemaError("query.team_id must be a valid UUID");
        }
        String permissionId = r.query("permission_id");
        synchronized (store) {
            ObjectNode body = Json.object();
            var items = body.putArray("items");
            for (StoredTeam team : store.teams()) {
                if (teamId != null && !team.id.equalsIgnoreCase(teamId)) {
                    continue;
                }
                for (Map.Entry<String, Set<String>> member : team.members.entrySet()) {
                    if (userId != null && !member.getKey().equals(userId)) {
                        continue;
                    }
                    Set<String> ids = new LinkedHashSet<>();
                    for (String granted : member.getValue()) {
                        if (recursive) {
                            ids.addAll(store.expandTeamPermission(granted));
                        } else {
                            ids.add(granted);
                        }
                    }
                    for (String id : ids) {
                        if (permissionId == null || permissionId.equals(id)) {
                            items.addObject().put("id", id).put("team_id", team.id).put("user_id", member.getKey());
                        }
                    }
                }
            }
            body.put("is_paginated", false);
            return ApiResponse.json(200, body);
        }
    }

    /** The team, member and permission named by {@code /team-permissions/{team_id}/{user_id}/{permission_id}}. */
    private record Grant(StoredTeam team, String userId, String permissionId) {
    }

    /** Checks access, query and body, then resolves and checks the path; call while holding the store's lock. */
    private Grant grantIn(ApiRequest r) {
        r.requireAccess("server", "admin");
        r.allowQuery();
        r.body(false);
        StoredTeam team = team(r);
        String userId = resolveUser(r, r.pathParam(1), "params.user_id");
        String permissionId = r.pathParam(2);
        if (!store.teamPermissionExists(permissionId)) {
            throw KnownError.permissionNotFound(permissionId);
        }
        if (!team.members.containsKey(userId)) {
            throw KnownError.teamMembershipNotFound(team.id, userId);
        }
        return new Grant(team, userId, permissionId);
    }

    private ApiResponse grant(ApiRequest r) {
        synchronized (store) {
            Grant g = grantIn(r);
            g.team().permissionsOf(g.userId()).add(g.permissionId());
            return ApiResponse.json(201,
                    Json.object().put("id", g.permissionId()).put("team_id", g.team().id).put("user_id", g.userId()));
        }
    }

    private ApiResponse revoke(ApiRequest r) {
        synchronized (store) {
            Grant g = grantIn(r);
            if (!g.team().permissionsOf(g.userId()).remove(g.permissionId())) {
                throw new StatusError(404, "Permission not granted to this user in this team.");
            }
            return ApiResponse.success();
        }
    }

    private StoredTeam team(ApiRequest r) {
        String teamId = r.pathParam(0);
        if (!ApiRequest.UUID_PATTERN.matcher(teamId).matches()) {
            throw KnownError.schemaError("params.team_id must be a valid UUID");
        }
        StoredTeam team = store.team(teamId.toLowerCase(Locale.ROOT));
        if (team == null) {
            throw KnownError.teamNotFound(teamId);
        }
        return team;
    }

    private static String resolveUser(ApiRequest r, String userId, String field) {
        if (userId.equals("me")) {
            if (r.token() == null) {
                throw KnownError.cannotGetOwnUserWithoutUser();
            }
            return r.token().userId();
        }
        if (!ApiRequest.UUID_PATTERN.matcher(userId).matches()) {
            throw KnownError.schemaError(field + " must be a valid UUID or \"me\"");
        }
        return userId.toLowerCase(Locale.ROOT);
    }
}
