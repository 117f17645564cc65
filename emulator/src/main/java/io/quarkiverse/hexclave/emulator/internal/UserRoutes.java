package io.quarkiverse.hexclave.emulator.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkiverse.hexclave.emulator.UserClass;

/** The users API (§5): list, create, read, update, delete, including {@code /users/me}. */
final class UserRoutes {

    private static final String[] SERVER = { "server", "admin" };
    private static final String[] ANY = { "client", "server", "admin" };
    private static final Pattern DOMAIN = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");

    private static final String[] CREATE_FIELDS = { "display_name", "profile_image_url", "client_metadata",
            "client_read_only_metadata", "server_metadata", "primary_email", "primary_email_verified",
            "primary_email_auth_enabled", "password", "password_hash", "otp_auth_enabled", "passkey_auth_enabled",
            "totp_secret_base64", "is_anonymous", "oauth_providers", "restricted_by_admin", "restricted_by_admin_reason",
            "restricted_by_admin_private_details", "country_code", "risk_scores" };
    private static final String[] SERVER_UPDATE_FIELDS = { "display_name", "profile_image_url", "client_metadata",
            "client_read_only_metadata", "server_metadata", "primary_email", "primary_email_verified",
            "primary_email_auth_enabled", "password", "password_hash", "otp_auth_enabled", "passkey_auth_enabled",
            "totp_secret_base64", "is_anonymous", "restricted_by_admin", "restricted_by_admin_reason",
            "restricted_by_admin_private_details", "country_code", "risk_scores", "selected_team_id" };
    private static final String[] CLIENT_UPDATE_FIELDS = { "display_name", "profile_image_url", "client_metadata",
            "selected_team_id", "totp_secret_base64", "otp_auth_enabled", "passkey_auth_enabled", "primary_email" };

    private final EmulatedProject project;
    private final EmulatorStore store;

    UserRoutes(EmulatedProject project) {
        this.project = project;
        this.store = project.store();
    }

    void register(ApiServer server) {
        server.route("GET", "/api/v1/users", true, this::list);
        server.route("POST", "/api/v1/users", true, this::create);
        server.route("GET", "/api/v1/users/([^/]+)", true, this::read);
        server.route("PATCH", "/api/v1/users/([^/]+)", true, this::update);
        server.route("DELETE", "/api/v1/users/([^/]+)", true, this::delete);
    }

    // ------------------------------------------------------------------ list

    private ApiResponse list(ApiRequest r) {
        r.requireAccess(SERVER);
        r.allowQuery("limit", "cursor", "order_by", "desc", "query", "team_id", "include_restricted",
                "include_anonymous", "only_anonymous", "excluded_email_domains");
        Integer limit = null;
        if (r.query("limit") != null) {
            try {
                limit = Integer.parseInt(r.query("limit"));
            } catch (NumberFormatException e) {
                throw KnownError.schemaError("query.limit must be a `number` type");
            }
            if (limit < 1 || limit > 1000) {
                throw KnownError.schemaError("query.limit must be between 1 and 1000");
            }
        }
        String cursor = r.query("cursor");
        if (cursor != null && !ApiRequest.UUID_PATTERN.matcher(cursor).matches()) {
            throw KnownError.schemaError("query.cursor must be a valid UUID");
        }
        String orderBy = r.query("order_by") == null ? "signed_up_at" : r.query("order_by");
        if (!orderBy.equals("signed_up_at") && !orderBy.equals("last_active_at")) {
            throw KnownError.schemaError("query.order_by must be one of the following values: signed_up_at, last_active_at");
        }
        boolean desc = r.queryFlag("desc");
        boolean includeRestricted = r.queryFlag("include_restricted");
        boolean includeAnonymous = r.queryFlag("include_anonymous");
        boolean onlyAnonymous = r.queryFlag("only_anonymous");
        String teamId = r.query("team_id");
        if (teamId != null && !ApiRequest.UUID_PATTERN.matcher(teamId).matches()) {
            throw KnownError.schemaError("query.team_id must be a valid UUID");
        }
        if (onlyAnonymous && !includeAnonymous) {
            throw new StatusError(400, "only_anonymous=true requires include_anonymous=true");
        }
        Set<String> excludedDomains = excludedDomains(r.query("excluded_email_domains"));
        String search = r.query("query");

        synchronized (store) {
            Comparator<StoredUser> order = Comparator.comparingLong(
                    (StoredUser u) -> orderBy.equals("signed_up_at") ? u.signedUpAtMillis : u.lastActiveAtMillis)
                    .thenComparing(u -> u.id);
            if (desc) {
                order = order.reversed();
            }
            StoredTeam team = teamId == null ? null : store.team(teamId);
            List<StoredUser> matching = new ArrayList<>();
            for (StoredUser u : store.users()) {
                UserClass c = project.userClass(u);
                boolean classOk = onlyAnonymous ? c == UserClass.ANONYMOUS
                        : c == UserClass.NORMAL
                                || (c == UserClass.RESTRICTED && (includeRestricted || includeAnonymous))
                                || (c == UserClass.ANONYMOUS && includeAnonymous);
                if (!classOk || (teamId != null && (team == null || !team.hasMember(u.id)))
                        || excludedByDomain(u, excludedDomains) || !matchesSearch(u, search)) {
                    continue;
                }
                matching.add(u);
            }
            matching.sort(order);
            if (cursor != null) {
                StoredUser cursorUser = store.user(cursor);
                if (cursorUser == null) {
                    matching.clear();
                } else {
                    Comparator<StoredUser> o = order;
                    matching.removeIf(u -> o.compare(u, cursorUser) <= 0);
                }
            }
            if (limit == null && matching.size() > 1000) {
                throw new StatusError(400, "Listing more than 1000 users requires a limit; page through them with limit and cursor.");
            }
            List<StoredUser> page = limit == null || matching.size() <= limit ? matching : matching.subList(0, limit);
            boolean more = page.size() < matching.size();
            ObjectNode body = Json.object();
            var items = body.putArray("items");
            for (StoredUser u : page) {
                items.add(UserViews.server(u, project));
            }
            body.put("is_paginated", true);
            body.putObject("pagination").put("next_cursor", more ? page.get(page.size() - 1).id : null);
            return ApiResponse.json(200, body);
        }
    }

    private static Set<String> excludedDomains(String value) {
        Set<String> domains = new LinkedHashSet<>();
        if (value == null) {
            return domains;
        }
        for (String part : value.split(",", -1)) {
            String d = part.trim().toLowerCase(Locale.ROOT);
            if (d.startsWith("@")) {
                d = d.substring(1);
            }
            if (!DOMAIN.matcher(d).matches()) {
                throw new StatusError(400, "Invalid domain in excluded_email_domains: " + part.trim());
            }
            domains.add(d);
        }
        if (domains.size() > 100) {
            throw new StatusError(400, "excluded_email_domains accepts at most 100 domains");
        }
        return domains;
    }

    private static boolean excludedByDomain(StoredUser u, Set<String> domains) {
        if (domains.isEmpty() || u.primaryEmail() == null) {
            return false;
        }
        String email = u.primaryEmail().toLowerCase(Locale.ROOT);
        return domains.contains(email.substring(email.lastIndexOf('@') + 1));
    }

    private static boolean matchesSearch(StoredUser u, String search) {
        if (search == null) {
            return true;
        }
        String stripped = search.replaceAll("[^A-Za-z0-9\\-_.]", "");
        if (ApiRequest.UUID_PATTERN.matcher(stripped).matches() && u.id.equalsIgnoreCase(stripped)) {
            return true;
        }
        String q = search.toLowerCase(Locale.ROOT);
        return (u.displayName != null && u.displayName.toLowerCase(Locale.ROOT).contains(q))
                || (u.primaryEmail() != null && u.primaryEmail().toLowerCase(Locale.ROOT).contains(q));
    }

    // ------------------------------------------------------------------ create

    private ApiResponse create(ApiRequest r) {
        r.requireAccess(SERVER);
        r.allowQuery();
        ApiRequest.Body body = r.body(false, CREATE_FIELDS);
        synchronized (store) {
            StoredUser u = store.newUserRow();
            apply(u, body, true);
            store.addUser(u);
            return ApiResponse.json(201, UserViews.server(u, project));
        }
    }

    // ------------------------------------------------------------------ read / update / delete

    private ApiResponse read(ApiRequest r) {
        String access = r.requireAccess(ANY);
        r.allowQuery();
        synchronized (store) {
            StoredUser u = target(r, access);
            return ApiResponse.json(200, access.equals("client") ? UserViews.client(u, project) : UserViews.server(u, project));
        }
    }

    private ApiResponse update(ApiRequest r) {
        String access = r.requireAccess(ANY);
        r.allowQuery();
        synchronized (store) {
            StoredUser u = target(r, access);
            boolean client = access.equals("client");
            ApiRequest.Body body = r.body(false, client ? CLIENT_UPDATE_FIELDS : SERVER_UPDATE_FIELDS);
            StoredUser working = u.copy();
            boolean passwordChanged = apply(working, body, false);
            u.assignFrom(working);
            if (passwordChanged) {
                store.revokeSessionsOf(u.id);
            }
            store.userUpdated(u);
            return ApiResponse.json(200, client ? UserViews.client(u, project) : UserViews.server(u, project));
        }
    }

    private ApiResponse delete(ApiRequest r) {
        String access = r.requireAccess(ANY);
        r.allowQuery();
        r.body(false);
        synchronized (store) {
            StoredUser u = target(r, access);
            if (access.equals("client") && !project.settings().clientUserDeletionEnabled()) {
                throw new StatusError(400, "Client user deletion is not enabled for this project");
            }
            store.deleteUser(u.id);
            return ApiResponse.success();
        }
    }

    /** The user named by the path: {@code me} (the token's user) or a UUID (server access only). */
    private StoredUser target(ApiRequest r, String access) {
        String userId = r.pathParam(0);
        if (userId.equals("me")) {
            DecodedAccessToken token = r.token();
            StoredUser u = token == null ? null : store.user(token.userId());
            if (u == null) {
                throw KnownError.cannotGetOwnUserWithoutUser();
            }
            return u;
        }
        if (access.equals("client")) {
            throw KnownError.insufficientAccessType(access, SERVER);
        }
        if (!ApiRequest.UUID_PATTERN.matcher(userId).matches()) {
            throw KnownError.schemaError("params.user_id must be a valid UUID or \"me\"");
        }
        StoredUser u = store.user(userId.toLowerCase(Locale.ROOT));
        if (u == null) {
            throw KnownError.userNotFound();
        }
        return u;
    }

    /**
     * Validates and applies create/update fields to a row (a fresh row or a working copy).
     *
     * @return whether a password was set
     */
    private boolean apply(StoredUser u, ApiRequest.Body b, boolean create) {
        if (b.has("display_name")) {
            String name = b.string("display_name");
            if (name != null && name.length() > 256) {
                throw KnownError.schemaError("body.display_name must be at most 256 characters");
            }
            u.displayName = name == null || name.isEmpty() ? null : name;
        }
        if (b.has("profile_image_url")) {
            u.profileImageUrl = b.string("profile_image_url");
        }
        if (b.has("client_metadata")) {
            u.clientMetadata = b.json("client_metadata");
        }
        if (b.has("client_read_only_metadata")) {
            u.clientReadOnlyMetadata = b.json("client_read_only_metadata");
        }
        if (b.has("server_metadata")) {
            u.serverMetadata = b.json("server_metadata");
        }
        boolean emailGiven = b.has("primary_email");
        String email = emailGiven ? normalizeEmail(b.string("primary_email"), "body.primary_email") : null;
        Boolean verified = b.bool("primary_email_verified");
        Boolean authEnabled = b.bool("primary_email_auth_enabled");
        String effectiveEmail = emailGiven ? email : u.primaryEmail();
        if (Boolean.TRUE.equals(verified) && effectiveEmail == null) {
            throw KnownError.schemaError("primary_email_verified cannot be true without primary_email");
        }
        if (Boolean.TRUE.equals(authEnabled) && effectiveEmail == null) {
            throw KnownError.schemaError("primary_email_auth_enabled cannot be true without primary_email");
        }
        u.updatePrimaryEmail(emailGiven, email, verified, authEnabled, store.nowMillis());
        if (u.primaryEmailAuthEnabled() && store.authEmailOwner(u.primaryEmail(), u.id) != null) {
            throw KnownError.contactChannelAlreadyUsedForAuth(u.primaryEmail());
        }
        boolean passwordChanged = false;
        if (b.has("password") && b.has("password_hash")) {
            throw KnownError.schemaError("Cannot set both password and password_hash at the same time.");
        }
        if (b.has("password")) {
            String password = b.string("password");
            if (password != null) {
                Passwords.requireAcceptable(password);
            }
            u.password(password);
            passwordChanged = true;
        }
        if (b.has("password_hash")) {
            String hash = b.string("password_hash");
            if (hash == null || !hash.startsWith("$")) {
                throw KnownError.schemaError("body.password_hash must be a password hash in Modular Crypt Format");
            }
            u.hasPassword = true;
            u.passwordHash = null; // a hash of another scheme: sign-in with it is not emulated
            passwordChanged = true;
        }
        Boolean otp = b.bool("otp_auth_enabled");
        if (otp != null) {
            u.otpAuthEnabled = otp;
        }
        Boolean passkey = b.bool("passkey_auth_enabled");
        if (passkey != null) {
            u.passkeyAuthEnabled = passkey;
        }
        if (b.has("totp_secret_base64")) {
            String totp = b.string("totp_secret_base64");
            if (totp != null) {
                try {
                    java.util.Base64.getDecoder().decode(totp);
                } catch (IllegalArgumentException e) {
                    throw KnownError.schemaError("body.totp_secret_base64 must be base64");
                }
            }
            u.requiresTotpMfa = totp != null;
        }
        Boolean anonymous = b.bool("is_anonymous");
        if (anonymous != null) {
            if (!create && anonymous) {
                throw KnownError.schemaError("body.is_anonymous can only be set to false");
            }
            u.anonymous = anonymous;
        }
        if (create && b.has("oauth_providers")) {
            JsonNode providers = b.raw("oauth_providers");
            if (!providers.isArray()) {
                throw KnownError.schemaError("body.oauth_providers must be an `array` type");
            }
            for (JsonNode p : providers) {
                if (!p.isObject() || !p.path("id").isTextual() || !p.path("account_id").isTextual()
                        || !(p.path("email").isTextual() || p.path("email").isNull() || p.path("email").isMissingNode())) {
                    throw KnownError.schemaError("body.oauth_providers items must be {id, account_id, email}");
                }
                StoredOAuthAccount account = new StoredOAuthAccount(java.util.UUID.randomUUID().toString(),
                        p.get("id").asText(), store.nowMillis());
                account.accountId = p.get("account_id").asText();
                account.email = p.path("email").isTextual() ? p.get("email").asText() : null;
                account.allowSignIn = true;
                account.allowConnectedAccounts = true;
                u.oauthAccounts.add(account);
            }
        }
        Boolean restricted = b.bool("restricted_by_admin");
        if (restricted != null) {
            u.restrictedByAdmin = restricted;
            if (!restricted) {
                u.restrictedByAdminReason = null;
                u.restrictedByAdminPrivateDetails = null;
            }
        }
        for (String field : new String[] { "restricted_by_admin_reason", "restricted_by_admin_private_details" }) {
            if (b.has(field)) {
                String v = b.string(field);
                if (v != null && !u.restrictedByAdmin) {
                    throw KnownError.schemaError(field + " requires restricted_by_admin to be true");
                }
                if (field.endsWith("reason")) {
                    u.restrictedByAdminReason = v;
                } else {
                    u.restrictedByAdminPrivateDetails = v;
                }
            }
        }
        if (b.has("country_code")) {
            String cc = b.string("country_code");
            if (cc != null && !cc.matches("[A-Za-z]{2}")) {
                throw KnownError.schemaError("body.country_code must be a 2-letter ISO 3166-1 code");
            }
            u.countryCode = cc == null ? null : cc.toUpperCase(Locale.ROOT);
        }
        if (b.has("risk_scores")) {
            JsonNode signUp = b.raw("risk_scores").path("sign_up");
            int bot = score(signUp, "bot");
            int fta = score(signUp, "free_trial_abuse");
            u.riskBot = bot;
            u.riskFreeTrialAbuse = fta;
        }
        if (!create && b.has("selected_team_id")) {
            String teamId = b.string("selected_team_id");
            if (teamId != null) {
                StoredTeam team = store.team(teamId);
                if (team == null || !team.hasMember(u.id)) {
                    throw KnownError.teamMembershipNotFound(teamId, u.id);
                }
            }
            u.selectedTeamId = teamId;
        }
        return passwordChanged;
    }

    /**
     * An e-mail as Hexclave stores it: trimmed and lower-cased; {@code null} stays {@code null}.
     *
     * @throws KnownError {@code SCHEMA_ERROR} when it is not an e-mail address
     */
    static String normalizeEmail(String email, String field) {
        if (email == null) {
            return null;
        }
        String e = email.trim().toLowerCase(Locale.ROOT);
        if (!EMAIL.matcher(e).matches()) {
            throw KnownError.schemaError(field + " must be a valid email address");
        }
        return e;
    }

    private static int score(JsonNode signUp, String name) {
        JsonNode v = signUp.get(name);
        if (v == null || !v.canConvertToInt() || !v.isIntegralNumber() || v.asInt() < 0 || v.asInt() > 100) {
            throw KnownError.schemaError("body.risk_scores.sign_up." + name + " must be an integer between 0 and 100");
        }
        return v.asInt();
    }
}
