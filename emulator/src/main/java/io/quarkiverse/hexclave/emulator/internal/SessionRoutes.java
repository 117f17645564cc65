package io.quarkiverse.hexclave.emulator.internal;

import java.util.Locale;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** The sessions API (§6): create, refresh, sign out the current session, list, revoke. */
final class SessionRoutes {

    /** Maximum refresh-token lifetime of a server-created session: 367 days (§6.1). */
    static final long MAX_SESSION_MILLIS = 31_708_800_000L;

    private final EmulatedProject project;
    private final EmulatorStore store;

    SessionRoutes(EmulatedProject project) {
        this.project = project;
        this.store = project.store();
    }

    void register(ApiServer server) {
        server.route("POST", "/api/v1/auth/sessions", true, this::create);
        server.route("GET", "/api/v1/auth/sessions", true, this::list);
        server.route("POST", "/api/v1/auth/sessions/current/refresh", true, this::refresh);
        server.route("DELETE", "/api/v1/auth/sessions/current", true, this::signOut);
        server.route("DELETE", "/api/v1/auth/sessions/([^/]+)", true, this::revoke);
        server.route("POST", "/api/v1/auth/anonymous/sign-up", true, this::anonymousSignUp);
    }

    /** A new anonymous user with a first session (§3.3: tokens of the anonymous class). */
    private ApiResponse anonymousSignUp(ApiRequest r) {
        r.requireAccess("client", "server", "admin");
        r.allowQuery();
        r.body(false);
        synchronized (store) {
            StoredUser user = store.newUserRow();
            user.anonymous = true;
            store.addUser(user);
            StoredSession s = store.createSession(user.id, EmulatorStore.DEFAULT_SESSION_MILLIS, false);
            ObjectNode out = Json.object();
            out.put("access_token", project.mintAccessToken(user, s.id));
            out.put("refresh_token", s.refreshToken);
            out.put("user_id", user.id);
            return ApiResponse.json(200, out);
        }
    }

    private ApiResponse create(ApiRequest r) {
        r.requireAccess("server", "admin");
        r.allowQuery();
        ApiRequest.Body body = r.body(true, "user_id", "expires_in_millis", "is_impersonation");
        String userId = body.requireString("user_id");
        Long expiresIn = body.number("expires_in_millis");
        Boolean impersonation = body.bool("is_impersonation");
        if (expiresIn != null && (expiresIn <= 0 || expiresIn > MAX_SESSION_MILLIS)) {
            throw KnownError.schemaError("body.expires_in_millis must be less than or equal to " + MAX_SESSION_MILLIS);
        }
        synchronized (store) {
            if (userId.equals("me")) {
                if (r.token() == null) {
                    throw KnownError.cannotGetOwnUserWithoutUser();
                }
                userId = r.token().userId();
            } else if (!ApiRequest.UUID_PATTERN.matcher(userId).matches()) {
                throw KnownError.schemaError("body.user_id must be a valid UUID");
            }
            StoredUser user = store.user(userId.toLowerCase(Locale.ROOT));
            if (user == null) {
                throw new KnownError(400, "USER_ID_DOES_NOT_EXIST", "The given user with the ID " + userId + " does not exist.",
                        KnownError.details("user_id", userId));
            }
            StoredSession s = store.createSession(user.id, expiresIn == null ? EmulatorStore.DEFAULT_SESSION_MILLIS : expiresIn,
                    Boolean.TRUE.equals(impersonation));
            ObjectNode out = Json.object();
            out.put("refresh_token", s.refreshToken);
            out.put("access_token", project.mintAccessToken(user, s.id));
            return ApiResponse.json(200, out);
        }
    }

    private ApiResponse refresh(ApiRequest r) {
        r.requireAccess("client", "server", "admin");
        r.allowQuery();
        r.body(false);
        String refreshToken = r.header("x-stack-refresh-token");
        if (refreshToken == null) {
            throw KnownError.schemaError("headers.x-stack-refresh-token must be defined");
        }
        return ApiResponse.json(200, Json.object().put("access_token", project.refreshAccessToken(refreshToken)));
    }

    private ApiResponse signOut(ApiRequest r) {
        r.requireAccess("client", "server", "admin");
        r.allowQuery();
        r.body(false);
        DecodedAccessToken token = r.token();
        if (token == null) {
            throw new KnownError(401, "ACCESS_TOKEN_EXPIRED", "Access token has expired. Please refresh it and try again.");
        }
        if (!store.revokeSession(token.sessionId())) {
            throw KnownError.refreshTokenNotFoundOrExpired();
        }
        return ApiResponse.success();
    }

    private ApiResponse list(ApiRequest r) {
        String access = r.requireAccess("client", "server", "admin");
        r.allowQuery("user_id");
        String userId = r.userIdOrMe(r.requireQuery("user_id"), "query.user_id");
        if (access.equals("client") && (r.token() == null || !r.token().userId().equals(userId))) {
            throw new StatusError(403, "Client can only list sessions for their own user.");
        }
        synchronized (store) {
            ObjectNode body = Json.object();
            var items = body.putArray("items");
            String current = r.token() == null ? null : r.token().sessionId();
            for (StoredSession s : store.sessionsOf(userId)) {
                if (s.impersonation && !access.equals("admin")) {
                    continue;
                }
                ObjectNode item = items.addObject();
                item.put("id", s.id);
                item.put("user_id", s.userId);
                item.put("created_at", s.createdAtMillis);
                if (s.lastUsedAtMillis != null) {
                    item.put("last_used_at", s.lastUsedAtMillis);
                }
                item.put("is_impersonation", s.impersonation);
                item.putNull("agent_name");
                item.put("is_current_session", s.id.equals(current));
            }
            body.put("is_paginated", false);
            return ApiResponse.json(200, body);
        }
    }

    private ApiResponse revoke(ApiRequest r) {
        String access = r.requireAccess("client", "server", "admin");
        r.allowQuery("user_id");
        r.body(false);
        String sessionId = r.pathParam(0);
        if (!ApiRequest.UUID_PATTERN.matcher(sessionId).matches()) {
            throw KnownError.schemaError("params.id must be a valid UUID");
        }
        r.userIdOrMe(r.requireQuery("user_id"), "query.user_id");
        synchronized (store) {
            StoredSession s = store.session(sessionId.toLowerCase(Locale.ROOT));
            boolean ownOnly = access.equals("client");
            if (s == null || (ownOnly && (r.token() == null || !s.userId.equals(r.token().userId())))
                    || s.expiresAtMillis <= store.nowMillis()) {
                throw new StatusError(404, "Session not found.");
            }
            if (r.token() != null && s.id.equals(r.token().sessionId())) {
                throw new KnownError(400, "CANNOT_DELETE_CURRENT_SESSION",
                        "Cannot delete the current session. Use DELETE /auth/sessions/current instead.");
            }
            store.revokeSession(s.id); // user_id is required by the query schema but otherwise unused (§6.5)
            return ApiResponse.success();
        }
    }
}
