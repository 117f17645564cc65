package io.quarkiverse.hexclave.emulator.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * {@code GET /projects/current}, notification preferences ({@code /emails/notification-preference/…}) and the data
 * vault ({@code /data-vault/stores/{id}/…}): small project-level resources.
 */
final class ProjectRoutes {

    /** The emulated project's name. */
    static final String DISPLAY_NAME = "Hexclave emulator";

    /** Hexclave's two notification categories (hard-coded there too). */
    private record Category(String id, String name, boolean canDisable) {
    }

    private static final Category[] CATEGORIES = {
            new Category("7bb82d33-2f54-4a3d-9d23-82739e0d66ef", "Transactional", false),
            new Category("4f6f8873-3d04-46bd-8bef-18338b1a1b4c", "Marketing", true) };

    private final EmulatedProject project;
    private final EmulatorStore store;

    ProjectRoutes(EmulatedProject project) {
        this.project = project;
        this.store = project.store();
    }

    void register(ApiServer server) {
        server.route("GET", "/api/v1/projects/current", true, this::current);
        server.route("GET", "/api/v1/emails/notification-preference/([^/]+)", true, this::listPreferences);
        server.route("PATCH", "/api/v1/emails/notification-preference/([^/]+)/([^/]+)", true, this::updatePreference);
        server.route("POST", "/api/v1/data-vault/stores/([^/]+)/set", true, this::vaultSet);
        server.route("POST", "/api/v1/data-vault/stores/([^/]+)/get", true, this::vaultGet);
    }

    private ApiResponse current(ApiRequest r) {
        r.requireAccess("client", "server", "admin");
        r.allowQuery();
        ObjectNode o = Json.object();
        o.put("id", project.projectId());
        o.put("display_name", DISPLAY_NAME);
        o.put("is_development_environment", true);
        o.putArray("config_warnings");
        // The client project view's config (hidden in the OpenAPI document; the JS SDK's getProject() reads it): what
        // the emulator serves. Sign-in methods the emulator does not emulate (passkeys, OAuth) are reported off.
        ObjectNode config = o.putObject("config");
        config.put("sign_up_enabled", project.settings().signUpEnabled());
        config.put("credential_enabled", true);
        config.put("magic_link_enabled", true);
        config.put("passkey_enabled", false);
        config.put("client_team_creation_enabled", project.settings().clientTeamCreationEnabled());
        config.put("client_user_deletion_enabled", project.settings().clientUserDeletionEnabled());
        config.put("allow_localhost", true);
        config.put("allow_user_api_keys", true);
        config.put("allow_team_api_keys", true);
        config.putArray("enabled_oauth_providers");
        config.putArray("domains");
        return ApiResponse.json(200, o);
    }

    // ------------------------------------------------------------------ notification preferences

    private ApiResponse listPreferences(ApiRequest r) {
        r.requireAccess("client", "server", "admin");
        r.allowQuery();
        String userId = r.userIdOrMe(r.pathParam(0), "params.user_id");
        r.requireOwnUserIfClient(userId, "You can only view your own notification preferences");
        synchronized (store) {
            StoredUser user = store.requireUser(userId);
            ObjectNode body = Json.object();
            var items = body.putArray("items");
            for (Category c : CATEGORIES) {
                items.add(preference(user, c));
            }
            body.put("is_paginated", false);
            return ApiResponse.json(200, body);
        }
    }

    private ApiResponse updatePreference(ApiRequest r) {
        r.requireAccess("client", "server", "admin");
        r.allowQuery();
        String userId = r.userIdOrMe(r.pathParam(0), "params.user_id");
        boolean enabled = r.body(true, "enabled").requireBool("enabled");
        Category category = null;
        for (Category c : CATEGORIES) {
            if (c.id.equals(r.pathParam(1))) {
                category = c;
            }
        }
        if (category == null) {
            throw new StatusError(404, "Notification category not found");
        }
        r.requireOwnUserIfClient(userId, "You can only manage your own notification preferences");
        synchronized (store) {
            StoredUser user = store.requireUser(userId);
            user.notificationPreferences.put(category.id, enabled); // as Hexclave: stored even where can_disable is false
            return ApiResponse.json(200, preference(user, category));
        }
    }

    private static ObjectNode preference(StoredUser user, Category c) {
        return Json.object().put("notification_category_id", c.id).put("notification_category_name", c.name)
                .put("enabled", user.notificationPreferences.getOrDefault(c.id, true)).put("can_disable", c.canDisable);
    }

    // ------------------------------------------------------------------ data vault

    /** Stores the client-encrypted value under the hashed key (every store id exists in the emulated project). */
    private ApiResponse vaultSet(ApiRequest r) {
        r.requireAccess("server", "admin");
        r.allowQuery();
        ApiRequest.Body body = r.body(true, "hashed_key", "encrypted_value");
        String hashedKey = hashedKey(body);
        String value = body.requireString("encrypted_value");
        synchronized (store) {
            store.dataVaultStore(r.pathParam(0)).put(hashedKey, value);
            return ApiResponse.success();
        }
    }

    private ApiResponse vaultGet(ApiRequest r) {
        r.requireAccess("server", "admin");
        r.allowQuery();
        String hashedKey = hashedKey(r.body(true, "hashed_key"));
        String storeId = r.pathParam(0);
        synchronized (store) {
            String value = store.dataVaultStore(storeId).get(hashedKey);
            if (value == null) {
                throw KnownError.dataVaultStoreHashedKeyDoesNotExist(storeId, hashedKey);
            }
            return ApiResponse.json(200, Json.object().put("encrypted_value", value));
        }
    }

    private static String hashedKey(ApiRequest.Body body) {
        String hashedKey = body.requireString("hashed_key");
        if (hashedKey.isEmpty()) {
            throw KnownError.schemaError("body.hashed_key must not be empty");
        }
        return hashedKey;
    }
}
