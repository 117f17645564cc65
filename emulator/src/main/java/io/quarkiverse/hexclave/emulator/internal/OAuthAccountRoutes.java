package io.quarkiverse.hexclave.emulator.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * OAuth accounts linked to users: {@code /oauth-providers} (list, create, read, update, delete) and
 * {@code /connected-accounts/{user_id}}. The emulated project has every standard provider configured (as Hexclave's
 * shared development keys), so a {@code provider_config_id} is one of the standard provider types and is its own type.
 * No OAuth flow runs: accounts are linked by these calls or by {@code POST /users} with {@code oauth_providers}.
 */
final class OAuthAccountRoutes {

    /** Hexclave's standard OAuth provider types. */
    static final Set<String> STANDARD_PROVIDERS = Set.of("google", "github", "microsoft", "spotify", "facebook", "discord",
            "gitlab", "bitbucket", "linkedin", "apple", "x", "twitch");

    private static final String[] CLIENT_UPDATE = { "allow_sign_in", "allow_connected_accounts" };
    private static final String[] SERVER_UPDATE = { "allow_sign_in", "allow_connected_accounts", "email", "account_id" };

    private final EmulatorStore store;

    OAuthAccountRoutes(EmulatedProject project) {
        this.store = project.store();
    }

    void register(ApiServer server) {
        server.route("GET", "/api/v1/oauth-providers", true, this::list);
        server.route("POST", "/api/v1/oauth-providers", true, this::create);
        server.route("GET", "/api/v1/oauth-providers/([^/]+)/([^/]+)", true, this::read);
        server.route("PATCH", "/api/v1/oauth-providers/([^/]+)/([^/]+)", true, this::update);
        server.route("DELETE", "/api/v1/oauth-providers/([^/]+)/([^/]+)", true, this::delete);
        server.route("GET", "/api/v1/connected-accounts/([^/]+)", true, this::connectedAccounts);
    }

    private record Linked(StoredUser user, StoredOAuthAccount account) {
    }

    private ApiResponse list(ApiRequest r) {
        r.requireAccess("client", "server", "admin");
        r.allowQuery("user_id");
        String userId = r.query("user_id") == null ? null : r.userIdOrMe(r.query("user_id"), "query.user_id");
        r.requireOwnUserIfClient(userId, "Client can only list OAuth providers for their own user.");
        synchronized (store) {
            if (userId != null) {
                store.requireUser(userId);
            }
            List<Linked> linked = new ArrayList<>();
            for (StoredUser u : store.users()) {
                if (userId == null || u.id.equals(userId)) {
                    u.oauthAccounts.stream().filter(a -> STANDARD_PROVIDERS.contains(a.providerConfigId))
                            .forEach(a -> linked.add(new Linked(u, a))); // accounts of unconfigured providers are hidden
                }
            }
            linked.sort(Comparator.comparingLong(l -> l.account().createdAtMillis));
            ObjectNode body = Json.object();
            ArrayNode items = body.putArray("items");
            linked.forEach(l -> items.add(view(l.user(), l.account(), r.isClient())));
            body.put("is_paginated", false);
            return ApiResponse.json(200, body);
        }
    }

    private ApiResponse create(ApiRequest r) {
        r.requireAccess("server", "admin");
        r.allowQuery();
        ApiRequest.Body body = r.body(true, "user_id", "provider_config_id", "email", "allow_sign_in",
                "allow_connected_accounts", "account_id");
        String userId = r.userIdOrMe(body.requireString("user_id"), "body.user_id");
        String providerConfigId = body.requireString("provider_config_id");
        String email = body.has("email") ? UserRoutes.normalizeEmail(body.requireString("email"), "body.email") : null;
        boolean allowSignIn = body.requireBool("allow_sign_in");
        boolean allowConnectedAccounts = body.requireBool("allow_connected_accounts");
        String accountId = body.requireString("account_id");
        if (!STANDARD_PROVIDERS.contains(providerConfigId)) {
            throw new StatusError(404, "OAuth provider " + providerConfigId + " not found or not configured");
        }
        synchronized (store) {
            StoredUser user = store.requireUser(userId);
            checkLinkable(user, providerConfigId, accountId, allowSignIn, null);
            StoredOAuthAccount a = new StoredOAuthAccount(UUID.randomUUID().toString(), providerConfigId, store.nowMillis());
            a.accountId = accountId;
            a.email = email;
            a.allowSignIn = allowSignIn;
            a.allowConnectedAccounts = allowConnectedAccounts;
            user.oauthAccounts.add(a);
            return ApiResponse.json(201, view(user, a, false));
        }
    }

    private ApiResponse read(ApiRequest r) {
        r.requireAccess("client", "server", "admin");
        r.allowQuery();
        synchronized (store) {
            Linked l = linked(r, "Client can only read OAuth providers for their own user.");
            return ApiResponse.json(200, view(l.user(), l.account(), r.isClient()));
        }
    }

    private ApiResponse update(ApiRequest r) {
        r.requireAccess("client", "server", "admin");
        r.allowQuery();
        ApiRequest.Body body = r.body(true, r.isClient() ? CLIENT_UPDATE : SERVER_UPDATE);
        Boolean allowSignIn = body.bool("allow_sign_in");
        Boolean allowConnectedAccounts = body.bool("allow_connected_accounts");
        String email = body.has("email") ? UserRoutes.normalizeEmail(body.requireString("email"), "body.email") : null;
        String accountId = body.has("account_id") ? body.requireString("account_id") : null;
        synchronized (store) {
            Linked l = linked(r, "Client can only update OAuth providers for their own user.");
            StoredOAuthAccount a = l.account();
            checkLinkable(l.user(), a.providerConfigId, accountId != null ? accountId : a.accountId,
                    Boolean.TRUE.equals(allowSignIn), a);
            if (allowSignIn != null) {
                a.allowSignIn = allowSignIn;
            }
            if (allowConnectedAccounts != null) {
                a.allowConnectedAccounts = allowConnectedAccounts;
            }
            if (email != null) {
                a.email = email;
            }
            if (accountId != null) {
                a.accountId = accountId;
            }
            return ApiResponse.json(200, view(l.user(), a, r.isClient()));
        }
    }

    private ApiResponse delete(ApiRequest r) {
        r.requireAccess("client", "server", "admin");
        r.allowQuery();
        r.body(false);
        synchronized (store) {
            Linked l = linked(r, "Client can only delete OAuth providers for their own user.");
            l.user().oauthAccounts.remove(l.account());
            return ApiResponse.success();
        }
    }

    private ApiResponse connectedAccounts(ApiRequest r) {
        r.requireAccess("client", "server", "admin");
        r.allowQuery();
        String userId = r.userIdOrMe(r.pathParam(0), "params.user_id");
        r.requireOwnUserIfClient(userId, "Client can only list connected accounts for their own user.");
        synchronized (store) {
            StoredUser user = store.requireUser(userId);
            ObjectNode body = Json.object();
            ArrayNode items = body.putArray("items");
            for (StoredOAuthAccount a : user.oauthAccounts) {
                if (a.allowConnectedAccounts) {
                    items.addObject().put("user_id", user.id).put("provider", a.providerConfigId)
                            .put("provider_account_id", a.accountId);
                }
            }
            body.put("is_paginated", false);
            return ApiResponse.json(200, body);
        }
    }

    // ------------------------------------------------------------------ shared

    /** The account of {@code /oauth-providers/{user_id}/{provider_id}}. */
    private Linked linked(ApiRequest r, String forbidden) {
        String userId = r.userIdOrMe(r.pathParam(0), "params.user_id");
        String accountId = ApiRequest.uuid(r.pathParam(1), "params.provider_id");
        r.requireOwnUserIfClient(userId, forbidden);
        StoredUser user = store.requireUser(userId);
        for (StoredOAuthAccount a : user.oauthAccounts) {
            if (a.id.equals(accountId)) {
                if (!STANDARD_PROVIDERS.contains(a.providerConfigId)) {
                    throw new StatusError(404, "OAuth provider " + a.providerConfigId + " not found or not configured");
                }
                return new Linked(user, a);
            }
        }
        throw new StatusError(404, "OAuth provider " + accountId + " for user " + userId + " not found");
    }

    /**
     * Hexclave's rules for linking: one sign-in account per provider and user, one link per provider account and user,
     * and a provider account signs in to one user only.
     *
     * @param self the account being updated (ignored by the checks), or {@code null} when creating
     */
    private void checkLinkable(StoredUser user, String providerConfigId, String accountId, boolean allowSignIn,
            StoredOAuthAccount self) {
        for (StoredOAuthAccount a : user.oauthAccounts) {
            if (a == self || !a.providerConfigId.equals(providerConfigId)) {
                continue;
            }
            if (allowSignIn && a.allowSignIn) {
                throw new StatusError(400, "The same provider type with sign-in enabled already exists for this user.");
            }
            if (a.accountId.equals(accountId)) {
                throw new StatusError(400, "The same provider type with the same account ID already exists for this user.");
            }
        }
        if (allowSignIn) {
            for (StoredUser other : store.users()) {
                for (StoredOAuthAccount a : other.oauthAccounts) {
                    if (a != self && a.allowSignIn && a.providerConfigId.equals(providerConfigId)
                            && a.accountId.equals(accountId)) {
                        throw KnownError.oauthProviderAccountIdAlreadyUsedForSignIn();
                    }
                }
            }
        }
    }

    private static ObjectNode view(StoredUser user, StoredOAuthAccount a, boolean client) {
        ObjectNode o = Json.object();
        o.put("user_id", user.id);
        o.put("id", a.id);
        if (a.email != null) {
            o.put("email", a.email);
        }
        o.put("provider_config_id", a.providerConfigId);
        o.put("type", a.providerConfigId);
        o.put("allow_sign_in", a.allowSignIn);
        o.put("allow_connected_accounts", a.allowConnectedAccounts);
        if (!client) {
            o.put("account_id", a.accountId);
        }
        return o;
    }
}
