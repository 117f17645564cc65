package io.quarkiverse.hexclave.emulator.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Teams (§8.3): list, create, read, update, delete; memberships; team member profiles. */
final class TeamRoutes {

    /** Most teams one page holds ({@code limit} is capped there). */
    static final int MAX_PAGE = 200;

    private static final String[] SERVER_TEAM_FIELDS = { "display_name", "profile_image_url", "client_metadata",
            "client_read_only_metadata", "server_metadata" };
    private static final String[] CLIENT_TEAM_FIELDS = { "display_name", "profile_image_url", "client_metadata" };

    private final EmulatedProject project;
    private final EmulatorStore store;

    TeamRoutes(EmulatedProject project) {
        this.project = project;
        this.store = project.store();
    }

    void register(ApiServer server) {
        server.route("GET", "/api/v1/teams", true, this::list);
        server.route("POST", "/api/v1/teams", true, this::create);
        server.route("GET", "/api/v1/teams/([^/]+)", true, this::read);
        server.route("PATCH", "/api/v1/teams/([^/]+)", true, this::update);
        server.route("DELETE", "/api/v1/teams/([^/]+)", true, this::delete);
        server.route("POST", "/api/v1/team-memberships/([^/]+)/([^/]+)", true, this::addMember);
        server.route("DELETE", "/api/v1/team-memberships/([^/]+)/([^/]+)", true, this::removeMember);
        server.route("GET", "/api/v1/team-member-profiles", true, this::listProfiles);
        server.route("GET", "/api/v1/team-member-profiles/([^/]+)/([^/]+)", true, this::readProfile);
        server.route("PATCH", "/api/v1/team-member-profiles/([^/]+)/([^/]+)", true, this::updateProfile);
    }

    // ------------------------------------------------------------------ teams

    private ApiResponse list(ApiRequest r) {
        r.requireAccess("client", "server", "admin");
        r.allowQuery("user_id", "order_by", "desc", "limit", "cursor", "query");
        String userId = r.query("user_id") == null ? null : r.userIdOrMe(r.query("user_id"), "query.user_id");
        r.requireOwnUserIfClient(userId,
                "Client can only list teams for their own user. user_id must be either \"me\" or the ID of the current user");
        if (r.query("order_by") != null && !r.query("order_by").equals("created_at")) {
            throw KnownError.schemaError("query.order_by must be one of the following values: created_at");
        }
        boolean desc = r.queryFlag("desc");
        Integer limit = limit(r.query("limit"));
        String cursor = r.query("cursor") == null ? null : ApiRequest.uuid(r.query("cursor"), "query.cursor");
        if (cursor != null && limit == null) {
            throw new StatusError(400, "The cursor parameter requires the limit parameter.");
        }
        String search = r.query("query");
        synchronized (store) {
            Comparator<StoredTeam> order = Comparator.comparingLong((StoredTeam t) -> t.createdAtMillis).thenComparing(t -> t.id);
            if (desc) {
                order = order.reversed();
            }
            List<StoredTeam> matching = new ArrayList<>();
            for (StoredTeam t : store.teams()) {
                if ((userId == null || t.hasMember(userId)) && matches(t, search)) {
                    matching.add(t);
                }
            }
            matching.sort(order);
            if (cursor != null) {
                StoredTeam after = store.team(cursor);
                if (after == null) {
                    matching.clear();
                } else {
                    Comparator<StoredTeam> o = order;
                    matching.removeIf(t -> o.compare(t, after) <= 0);
                }
            }
            List<StoredTeam> page = limit == null || matching.size() <= limit ? matching : matching.subList(0, limit);
            ObjectNode body = Json.object();
            ArrayNode items = body.putArray("items");
            page.forEach(t -> items.add(TeamViews.of(t, r.isClient())));
            body.put("is_paginated", true);
            body.putObject("pagination").put("next_cursor",
                    page.size() < matching.size() ? page.get(page.size() - 1).id : null);
            return ApiResponse.json(200, body);
        }
    }

    private static Integer limit(String value) {
        if (value == null) {
            return null;
        }
        int limit;
        try {
            limit = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw KnownError.schemaError("query.limit must be a `number` type");
        }
        if (limit < 1) {
            throw KnownError.schemaError("query.limit must be greater than or equal to 1");
        }
        return Math.min(limit, MAX_PAGE);
    }

    /** Free-text search: the team id (exact) or a part of the display name (any case). */
    private static boolean matches(StoredTeam t, String search) {
        if (search == null || search.isEmpty()) {
            return true;
        }
        return t.id.equalsIgnoreCase(search.trim())
                || t.displayName.toLowerCase(Locale.ROOT).contains(search.toLowerCase(Locale.ROOT));
    }

    private ApiResponse create(ApiRequest r) {
        r.requireAccess("client", "server", "admin");
        r.allowQuery();
        ApiRequest.Body body = r.body(true, r.isClient() ? append(CLIENT_TEAM_FIELDS, "creator_user_id")
                : append(SERVER_TEAM_FIELDS, "creator_user_id"));
        String displayName = body.requireString("display_name");
        String creator = body.string("creator_user_id") == null ? null
                : r.userIdOrMe(body.string("creator_user_id"), "body.creator_user_id");
        if (r.isClient()) {
            // as Hexclave: the project setting, then the caller is the creator (named as "me" or by id, or implied)
            String caller = r.requireSignedInUser().id;
            if (!project.settings().clientTeamCreationEnabled()) {
                throw new StatusError(403, "Client team creation is disabled for this project");
            }
            if (creator != null && !creator.equals(caller)) {
                throw new StatusError(403, "You cannot create a team as a user that is not yourself. "
                        + "Make sure you set the creator_user_id to 'me'.");
            }
            creator = caller;
        }
        synchronized (store) {
            if (creator != null) {
                store.requireUser(creator);
            }
            StoredTeam team = store.createTeam(displayName);
            apply(team, body);
            if (creator != null) {
                store.addMember(team, creator, true);
            }
            return ApiResponse.json(201, TeamViews.of(team, r.isClient()));
        }
    }

    private ApiResponse read(ApiRequest r) {
        r.requireAccess("client", "server", "admin");
        r.allowQuery();
        String teamId = ApiRequest.uuid(r.pathParam(0), "params.team_id");
        synchronized (store) {
            if (r.isClient()) {
                store.requireMembership(teamId, r.requireSignedInUser().id);
            }
            return ApiResponse.json(200, TeamViews.of(store.requireTeam(teamId), r.isClient()));
        }
    }

    private ApiResponse update(ApiRequest r) {
        r.requireAccess("client", "server", "admin");
        r.allowQuery();
        String teamId = ApiRequest.uuid(r.pathParam(0), "params.team_id");
        ApiRequest.Body body = r.body(true, r.isClient() ? CLIENT_TEAM_FIELDS : SERVER_TEAM_FIELDS);
        if (body.has("display_name")) {
            body.requireString("display_name");
        }
        synchronized (store) {
            if (r.isClient()) {
                store.requireTeamPermission(teamId, r.requireSignedInUser().id, "$update_team");
            }
            StoredTeam team = store.requireTeam(teamId);
            apply(team, body);
            store.teamUpdated(team);
            return ApiResponse.json(200, TeamViews.of(team, r.isClient()));
        }
    }

    private ApiResponse delete(ApiRequest r) {
        r.requireAccess("client", "server", "admin");
        r.allowQuery();
        r.body(false);
        String teamId = ApiRequest.uuid(r.pathParam(0), "params.team_id");
        synchronized (store) {
            if (r.isClient()) {
                store.requireTeamPermission(teamId, r.requireSignedInUser().id, "$delete_team");
            }
            store.requireTeam(teamId);
            store.deleteTeam(teamId);
            return ApiResponse.success();
        }
    }

    private static void apply(StoredTeam team, ApiRequest.Body body) {
        if (body.has("display_name")) {
            team.displayName = body.requireString("display_name");
        }
        if (body.has("profile_image_url")) {
            team.profileImageUrl = body.string("profile_image_url");
        }
        if (body.has("client_metadata")) {
            team.clientMetadata = body.json("client_metadata");
        }
        if (body.has("client_read_only_metadata")) {
            team.clientReadOnlyMetadata = body.json("client_read_only_metadata");
        }
        if (body.has("server_metadata")) {
            team.serverMetadata = body.json("server_metadata");
        }
    }

    // ------------------------------------------------------------------ memberships

    private ApiResponse addMember(ApiRequest r) {
        r.requireAccess("server", "admin");
        r.allowQuery();
        r.body(false);
        String teamId = ApiRequest.uuid(r.pathParam(0), "params.team_id");
        String userId = r.userIdOrMe(r.pathParam(1), "params.user_id");
        synchronized (store) {
            store.requireUser(userId);
            store.addMember(store.requireTeam(teamId), userId, false);
            return ApiResponse.json(201, Json.object().put("team_id", teamId).put("user_id", userId));
        }
    }

    private ApiResponse removeMember(ApiRequest r) {
        r.requireAccess("client", "server", "admin");
        r.allowQuery();
        r.body(false);
        String teamId = ApiRequest.uuid(r.pathParam(0), "params.team_id");
        String userId = r.userIdOrMe(r.pathParam(1), "params.user_id");
        synchronized (store) {
            requireSelfOrTeamPermission(r, teamId, userId, "$remove_members"); // anyone may leave
            store.requireMembership(teamId, userId);
            store.removeMember(store.team(teamId), userId);
            return ApiResponse.success();
        }
    }

    // ------------------------------------------------------------------ team member profiles

    private ApiResponse listProfiles(ApiRequest r) {
        r.requireAccess("client", "server", "admin");
        r.allowQuery("user_id", "team_id");
        String userId = r.query("user_id") == null ? null : r.userIdOrMe(r.query("user_id"), "query.user_id");
        String teamId = r.query("team_id") == null ? null : ApiRequest.uuid(r.query("team_id"), "query.team_id");
        synchronized (store) {
            if (r.isClient()) {
                StoredUser caller = r.requireCurrentUser();
                if (teamId == null) {
                    throw new StatusError(400, "team_id is required for access type client");
                }
                store.requireMembership(teamId, caller.id);
                if (!caller.id.equals(userId)) {
                    store.requireTeamPermission(teamId, caller.id, "$read_members");
                }
            } else {
                if (teamId != null) {
                    store.requireTeam(teamId);
                }
                if (userId != null) {
                    store.requireUser(userId);
                }
            }
            ObjectNode body = Json.object();
            ArrayNode items = body.putArray("items");
            for (StoredTeam t : store.teams()) {
                if (teamId != null && !t.id.equals(teamId)) {
                    continue;
                }
                for (StoredMember m : t.members.values()) {
                    if (userId == null || m.userId.equals(userId)) {
                        items.add(TeamViews.profile(t, m, store.user(m.userId), project, r.isClient()));
                    }
                }
            }
            body.put("is_paginated", false);
            return ApiResponse.json(200, body);
        }
    }

    private ApiResponse readProfile(ApiRequest r) {
        r.requireAccess("client", "server", "admin");
        r.allowQuery();
        String teamId = ApiRequest.uuid(r.pathParam(0), "params.team_id");
        String userId = r.userIdOrMe(r.pathParam(1), "params.user_id");
        synchronized (store) {
            requireSelfOrTeamPermission(r, teamId, userId, "$read_members");
            StoredMember member = store.requireMembership(teamId, userId);
            return ApiResponse.json(200,
                    TeamViews.profile(store.team(teamId), member, store.user(userId), project, r.isClient()));
        }
    }

    private ApiResponse updateProfile(ApiRequest r) {
        r.requireAccess("client", "server", "admin");
        r.allowQuery();
        String teamId = ApiRequest.uuid(r.pathParam(0), "params.team_id");
        String userId = r.userIdOrMe(r.pathParam(1), "params.user_id");
        ApiRequest.Body body = r.body(true, "display_name", "profile_image_url");
        r.requireOwnUserIfClient(userId, "Cannot update another user's profile");
        synchronized (store) {
            StoredMember member = store.requireMembership(teamId, userId);
            if (body.has("display_name")) {
                member.displayName = body.requireString("display_name");
            }
            if (body.has("profile_image_url")) {
                member.profileImageUrl = body.string("profile_image_url");
            }
            return ApiResponse.json(200,
                    TeamViews.profile(store.team(teamId), member, store.user(userId), project, r.isClient()));
        }
    }

    /** A client acting for another member needs the team permission; acting for itself it needs none. */
    private void requireSelfOrTeamPermission(ApiRequest r, String teamId, String userId, String permissionId) {
        if (r.isClient()) {
            StoredUser caller = r.requireCurrentUser();
            if (!caller.id.equals(userId)) {
                store.requireTeamPermission(teamId, caller.id, permissionId);
            }
        }
    }

    private static String[] append(String[] fields, String field) {
        String[] out = java.util.Arrays.copyOf(fields, fields.length + 1);
        out[fields.length] = field;
        return out;
    }
}
