package io.quarkiverse.hexclave.emulator.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkiverse.hexclave.emulator.internal.PermissionRegistry.Scope;

/** Team and project permissions (§8.1, §8.2): list (direct or recursive), grant, revoke. */
final class PermissionRoutes {

    private static final String FOREIGN_LIST = "Client can only list permissions for their own user. user_id must be either \"me\" or the ID of the current user";

    private final EmulatorStore store;
    private final PermissionRegistry registry;

    PermissionRoutes(EmulatedProject project) {
        this.store = project.store();
        this.registry = store.permissions();
    }

    void register(ApiServer server) {
        server.route("GET", "/api/v1/team-permissions", true, this::listTeam);
        server.route("POST", "/api/v1/team-permissions/([^/]+)/([^/]+)/([^/]+)", true, this::grantTeam);
        server.route("DELETE", "/api/v1/team-permissions/([^/]+)/([^/]+)/([^/]+)", true, this::revokeTeam);
        server.route("GET", "/api/v1/project-permissions", true, this::listProject);
        server.route("POST", "/api/v1/project-permissions/([^/]+)/([^/]+)", true, this::grantProject);
        server.route("DELETE", "/api/v1/project-permissions/([^/]+)/([^/]+)", true, this::revokeProject);
    }

    /** One row of a permission list: a permission a user holds (in a team, for team permissions). */
    private record Held(String id, String userId, String teamId) {
    }

    private static final Comparator<Held> ORDER = Comparator.comparing((Held h) -> h.teamId == null ? "" : h.teamId)
            .thenComparing(Held::userId).thenComparing(Held::id);

    // ------------------------------------------------------------------ team permissions

    private ApiResponse listTeam(ApiRequest r) {
        r.requireAccess("client", "server", "admin");
        r.allowQuery("user_id", "team_id", "permission_id", "recursive");
        Filter f = filter(r);
        String teamId = r.query("team_id") == null ? null : ApiRequest.uuid(r.query("team_id"), "query.team_id");
        synchronized (store) {
            List<Held> held = new ArrayList<>();
            for (StoredTeam team : store.teams()) {
                if (teamId != null && !team.id.equals(teamId)) {
                    continue;
                }
                for (StoredMember m : team.members.values()) {
                    if (f.userId == null || m.userId.equals(f.userId)) {
                        registry.effective(m.permissions, f.recursive).forEach(id -> held.add(new Held(id, m.userId, team.id)));
                    }
                }
            }
            return list(held, f.permissionId);
        }
    }

    private ApiResponse grantTeam(ApiRequest r) {
        synchronized (store) {
            Membership m = membership(r);
            registry.requireGrantable(Scope.TEAM, m.permissionId);
            store.grantTeamPermission(m.teamId, m.member, m.permissionId);
            return ApiResponse.json(201, Json.object().put("id", m.permissionId).put("user_id", m.member.userId)
                    .put("team_id", m.teamId));
        }
    }

    private ApiResponse revokeTeam(ApiRequest r) {
        synchronized (store) {
            Membership m = membership(r);
            if (!registry.effective(m.member.permissions, false).contains(m.permissionId)) {
                throw KnownError.teamPermissionNotFound(m.teamId, m.member.userId, m.permissionId);
            }
            store.revokeTeamPermission(m.teamId, m.member, m.permissionId);
            return ApiResponse.success();
        }
    }

    private record Membership(String teamId, StoredMember member, String permissionId) {
    }

    /** {@code /team-permissions/{team_id}/{user_id}/{permission_id}}: server access, the user a member of the team. */
    private Membership membership(ApiRequest r) {
        r.requireAccess("server", "admin");
        r.allowQuery();
        r.body(false);
        String teamId = ApiRequest.uuid(r.pathParam(0), "params.team_id");
        String userId = r.userIdOrMe(r.pathParam(1), "params.user_id");
        String permissionId = permissionId(r.pathParam(2), "params.permission_id");
        return new Membership(teamId, store.requireMembership(teamId, userId), permissionId);
    }

    // ------------------------------------------------------------------ project permissions

    private ApiResponse listProject(ApiRequest r) {
        r.requireAccess("client", "server", "admin");
        r.allowQuery("user_id", "permission_id", "recursive");
        Filter f = filter(r);
        synchronized (store) {
            List<Held> held = new ArrayList<>();
            for (StoredUser u : store.users()) {
                if (f.userId == null || u.id.equals(f.userId)) {
                    registry.effective(store.projectGrants(u.id), f.recursive).forEach(id -> held.add(new Held(id, u.id, null)));
                }
            }
            return list(held, f.permissionId);
        }
    }

    private ApiResponse grantProject(ApiRequest r) {
        synchronized (store) {
            ProjectGrant g = projectGrant(r);
            registry.requireGrantable(Scope.PROJECT, g.permissionId);
            g.grants.add(g.permissionId);
            return ApiResponse.json(201, Json.object().put("id", g.permissionId).put("user_id", g.userId));
        }
    }

    private ApiResponse revokeProject(ApiRequest r) {
        synchronized (store) {
            ProjectGrant g = projectGrant(r);
            if (!registry.effective(g.grants, false).contains(g.permissionId)) {
                throw KnownError.permissionNotFound(g.permissionId);
            }
            g.grants.remove(g.permissionId);
            return ApiResponse.success();
        }
    }

    private record ProjectGrant(String userId, Set<String> grants, String permissionId) {
    }

    /** {@code /project-permissions/{user_id}/{permission_id}}: server access, an existing user. */
    private ProjectGrant projectGrant(ApiRequest r) {
        r.requireAccess("server", "admin");
        r.allowQuery();
        r.body(false);
        String userId = r.userIdOrMe(r.pathParam(0), "params.user_id");
        String permissionId = permissionId(r.pathParam(1), "params.permission_id");
        store.requireUser(userId);
        return new ProjectGrant(userId, store.projectGrants(userId), permissionId);
    }

    // ------------------------------------------------------------------ shared

    private record Filter(String userId, String permissionId, boolean recursive) {
    }

    /** The {@code user_id}, {@code permission_id} and {@code recursive} filters; a client lists only its own. */
    private static Filter filter(ApiRequest r) {
        boolean recursive = r.queryFlag("recursive");
        String userId = r.query("user_id") == null ? null : r.userIdOrMe(r.query("user_id"), "query.user_id");
        r.requireOwnUserIfClient(userId, FOREIGN_LIST);
        String permissionId = r.query("permission_id") == null ? null
                : permissionId(r.query("permission_id"), "query.permission_id");
        return new Filter(userId, permissionId, recursive);
    }

    private static ApiResponse list(List<Held> held, String permissionId) {
        held.sort(ORDER);
        ObjectNode body = Json.object();
        ArrayNode items = body.putArray("items");
        for (Held h : held) {
            if (permissionId == null || permissionId.equals(h.id)) {
                ObjectNode item = items.addObject().put("id", h.id).put("user_id", h.userId);
                if (h.teamId != null) {
                    item.put("team_id", h.teamId);
                }
            }
        }
        body.put("is_paginated", false);
        return ApiResponse.json(200, body);
    }

    /** A permission id as Hexclave's schema allows it: a custom id or one of the {@code $} system ids. */
    private static String permissionId(String value, String field) {
        if (!PermissionRegistry.ANY_ID.matcher(value).matches()) {
            throw KnownError.schemaError(field + " may only contain lowercase letters, numbers, \":\", \"_\" and an optional \"$\" at the beginning");
        }
        if (value.startsWith("$") && !PermissionRegistry.TEAM_SYSTEM_PERMISSIONS.contains(value)) {
            throw KnownError.schemaError(field + " is an invalid system permission");
        }
        return value;
    }
}
