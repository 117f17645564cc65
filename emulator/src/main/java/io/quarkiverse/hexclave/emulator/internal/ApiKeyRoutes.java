package io.quarkiverse.hexclave.emulator.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * User and team API keys (§9.6): create (the full key shown once), list, read, update (description, revoke) and
 * check. Both kinds share every rule; {@code type} tells them apart.
 */
final class ApiKeyRoutes {

    private final EmulatorStore store;
    /** {@code user} or {@code team}. */
    private final String type;
    /** {@code user_id} or {@code team_id}. */
    private final String ownerField;

    private ApiKeyRoutes(EmulatedProject project, String type) {
        this.store = project.store();
        this.type = type;
        this.ownerField = type + "_id";
    }

    static void register(EmulatedProject project, ApiServer server) {
        for (String type : new String[] { "user", "team" }) {
            ApiKeyRoutes routes = new ApiKeyRoutes(project, type);
            String base = "/api/v1/" + type + "-api-keys";
            server.route("POST", base, true, routes::create);
            server.route("GET", base, true, routes::list);
            server.route("POST", base + "/check", true, routes::check);
            server.route("GET", base + "/([^/]+)", true, routes::read);
            server.route("PATCH", base + "/([^/]+)", true, routes::update);
        }
    }

    private ApiResponse create(ApiRequest r) {
        r.requireAccess("client", "server", "admin");
        r.allowQuery();
        ApiRequest.Body body = r.body(true, "description", "expires_at_millis", "is_public", ownerField);
        String description = body.requireString("description");
        JsonNode expires = body.raw("expires_at_millis");
        if (expires != null && !expires.isNull() && !expires.isNumber()) {
            throw KnownError.schemaError("body.expires_at_millis must be a `number` type");
        }
        Long expiresAt = expires == null || expires.isNull() ? null : expires.asLong();
        boolean isPublic = Boolean.TRUE.equals(body.bool("is_public"));
        String ownerId = owner(r, body.string(ownerField), "body." + ownerField);
        synchronized (store) {
            requireManageable(r, ownerId);
            requireOwnerExists(ownerId);
            StoredApiKey key = store.createApiKey(type, ownerId, description, isPublic,
                    expiresAt == null || expiresAt == 0 ? null : expiresAt);
            ObjectNode view = view(key);
            view.put("value", key.secret);
            return ApiResponse.json(200, view);
        }
    }

    private ApiResponse list(ApiRequest r) {
        r.requireAccess("client", "server", "admin");
        r.allowQuery(ownerField);
        String ownerId = owner(r, r.query(ownerField), "query." + ownerField);
        synchronized (store) {
            requireManageable(r, ownerId);
            ObjectNode body = Json.object();
            ArrayNode items = body.putArray("items");
            store.apiKeysOf(type, ownerId).forEach(k -> items.add(view(k)));
            body.put("is_paginated", false);
            return ApiResponse.json(200, body);
        }
    }

    private ApiResponse read(ApiRequest r) {
        r.requireAccess("client", "server", "admin");
        r.allowQuery();
        synchronized (store) {
            StoredApiKey key = existing(r);
            requireManageable(r, key.ownerId);
            return ApiResponse.json(200, view(key));
        }
    }

    private ApiResponse update(ApiRequest r) {
        r.requireAccess("client", "server", "admin");
        r.allowQuery();
        ApiRequest.Body body = r.body(true, "description", "revoked");
        Boolean revoked = body.bool("revoked");
        if (Boolean.FALSE.equals(revoked)) {
            throw KnownError.schemaError("body.revoked must be one of the following values: true");
        }
        String description = body.has("description") ? body.requireString("description") : null;
        synchronized (store) {
            StoredApiKey key = existing(r);
            requireManageable(r, key.ownerId);
            if (description != null) {
                key.description = description;
            }
            if (revoked != null && key.revokedAtMillis == null) {
                key.revokedAtMillis = store.nowMillis();
            }
            return ApiResponse.json(200, view(key));
        }
    }

    /** The checks of §9.6, in Hexclave's order: known, of this type, not revoked, not expired. */
    private ApiResponse check(ApiRequest r) {
        r.requireAccess("server", "admin");
        r.allowQuery();
        String secret = r.body(true, "api_key").requireString("api_key");
        synchronized (store) {
            StoredApiKey key = store.apiKeyBySecret(secret);
            if (key == null) {
                throw KnownError.apiKeyNotFound();
            }
            if (!key.type.equals(type)) {
                throw KnownError.wrongApiKeyType(type, key.type);
            }
            if (key.revokedAtMillis != null) {
                throw KnownError.apiKeyRevoked();
            }
            if (key.expiresAtMillis != null && key.expiresAtMillis < store.nowMillis()) {
                throw KnownError.apiKeyExpired();
            }
            return ApiResponse.json(200, view(key));
        }
    }

    // ------------------------------------------------------------------ shared

    /** The key of the path; a key of the other type counts as unknown. */
    private StoredApiKey existing(ApiRequest r) {
        String id = ApiRequest.uuid(r.pathParam(0), "params.api_key_id");
        StoredApiKey key = store.apiKey(id);
        if (key == null || !key.type.equals(type)) {
            throw KnownError.apiKeyNotFound();
        }
        return key;
    }

    /** The owner named by {@code user_id} ({@code me} or a UUID) or {@code team_id} (a UUID); required. */
    private String owner(ApiRequest r, String value, String field) {
        if (value == null) {
            throw KnownError.schemaError(ownerField + " is required for " + type + " API keys");
        }
        return type.equals("user") ? r.userIdOrMe(value, field) : ApiRequest.uuid(value, field);
    }

    /**
     * A client manages only its own user's keys, or its team's keys when it holds {@code $manage_api_keys} (otherwise
     * the team's keys do not exist for it: {@code API_KEY_NOT_FOUND}).
     */
    private void requireManageable(ApiRequest r, String ownerId) {
        if (!r.isClient()) {
            return;
        }
        StoredUser caller = r.requireSignedInUser();
        if (type.equals("user")) {
            if (!caller.id.equals(ownerId)) {
                throw new StatusError(403, "Client can only manage their own api keys");
            }
            return;
        }
        StoredTeam team = store.team(ownerId);
        StoredMember member = team == null ? null : team.member(caller.id);
        if (member == null || !store.permissions().holds(member.permissions, "$manage_api_keys")) {
            throw KnownError.apiKeyNotFound();
        }
    }

    private void requireOwnerExists(String ownerId) {
        if (type.equals("user")) {
            store.requireUser(ownerId);
        } else {
            store.requireTeam(ownerId);
        }
    }

    /** A key as read later: the value shows only its last four characters. */
    private ObjectNode view(StoredApiKey key) {
        ObjectNode o = Json.object();
        o.put("id", key.id);
        o.put("description", key.description);
        o.put("is_public", key.isPublic);
        o.put("created_at_millis", key.createdAtMillis);
        if (key.expiresAtMillis != null) {
            o.put("expires_at_millis", key.expiresAtMillis);
        }
        if (key.revokedAtMillis != null) {
            o.put("manually_revoked_at_millis", key.revokedAtMillis);
        }
        o.putObject("value").put("last_four", key.secret.substring(key.secret.length() - 4));
        o.put("type", key.type);
        o.put(ownerField, key.ownerId);
        return o;
    }
}
