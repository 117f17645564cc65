package io.quarkiverse.hexclave.emulator.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkiverse.hexclave.emulator.VerificationCode;

/**
 * Contact channels: list, create, read, update, delete, and e-mail verification (send a code, check it, verify). The
 * code is not e-mailed: {@code HexclaveEmulator.pendingCodes()} hands it out.
 */
final class ContactChannelRoutes {

    private static final String[] SERVER_CREATE = { "user_id", "value", "type", "used_for_auth", "is_primary", "is_verified" };
    private static final String[] CLIENT_CREATE = { "user_id", "value", "type", "used_for_auth", "is_primary" };
    private static final String[] SERVER_UPDATE = { "value", "type", "used_for_auth", "is_primary", "is_verified" };
    private static final String[] CLIENT_UPDATE = { "value", "type", "used_for_auth", "is_primary" };

    private final EmulatorStore store;

    ContactChannelRoutes(EmulatedProject project) {
        this.store = project.store();
    }

    void register(ApiServer server) {
        server.route("GET", "/api/v1/contact-channels", true, this::list);
        server.route("POST", "/api/v1/contact-channels", true, this::create);
        server.route("POST", "/api/v1/contact-channels/verify", true, r -> verify(r, true));
        server.route("POST", "/api/v1/contact-channels/verify/check-code", true, r -> verify(r, false));
        server.route("GET", "/api/v1/contact-channels/([^/]+)/([^/]+)", true, this::read);
        server.route("PATCH", "/api/v1/contact-channels/([^/]+)/([^/]+)", true, this::update);
        server.route("DELETE", "/api/v1/contact-channels/([^/]+)/([^/]+)", true, this::delete);
        server.route("POST", "/api/v1/contact-channels/([^/]+)/([^/]+)/send-verification-code", true, this::sendCode);
    }

    private ApiResponse list(ApiRequest r) {
        r.requireAccess("client", "server", "admin");
        r.allowQuery("user_id", "contact_channel_id");
        String userId = r.query("user_id") == null ? null : r.userIdOrMe(r.query("user_id"), "query.user_id");
        String channelId = r.query("contact_channel_id") == null ? null
                : ApiRequest.uuid(r.query("contact_channel_id"), "query.contact_channel_id");
        r.requireOwnUserIfClient(userId, "Client can only list contact channels for their own user.");
        synchronized (store) {
            record Row(StoredUser user, StoredContactChannel channel) {
            }
            List<Row> rows = new ArrayList<>();
            for (StoredUser u : store.users()) {
                if (userId != null && !u.id.equals(userId)) {
                    continue;
                }
                for (StoredContactChannel c : u.contactChannels) {
                    if (channelId == null || c.id.equals(channelId)) {
                        rows.add(new Row(u, c));
                    }
                }
            }
            rows.sort(Comparator.comparingLong(row -> row.channel().createdAtMillis));
            ObjectNode body = Json.object();
            ArrayNode items = body.putArray("items");
            rows.forEach(row -> items.add(view(row.user(), row.channel())));
            body.put("is_paginated", false);
            return ApiResponse.json(200, body);
        }
    }

    private ApiResponse create(ApiRequest r) {
        r.requireAccess("client", "server", "admin");
        r.allowQuery("user_id", "contact_channel_id");
        ApiRequest.Body body = r.body(true, r.isClient() ? CLIENT_CREATE : SERVER_CREATE);
        String userId = r.userIdOrMe(body.requireString("user_id"), "body.user_id");
        requireEmailType(body.requireString("type"));
        String value = UserRoutes.normalizeEmail(body.requireString("value"), "body.value");
        boolean usedForAuth = body.requireBool("used_for_auth");
        r.requireOwnUserIfClient(userId, "Client can only create contact channels for their own user.");
        synchronized (store) {
            StoredUser user = store.requireUser(userId);
            if (user.contactChannelWithValue(value) != null) {
                throw new StatusError(400, "Contact channel already exists");
            }
            if (usedForAuth && store.authEmailOwner(value, null) != null) {
                throw KnownError.contactChannelAlreadyUsedForAuth(value);
            }
            StoredContactChannel c = new StoredContactChannel(UUID.randomUUID().toString(), store.nowMillis(), value);
            c.verified = Boolean.TRUE.equals(body.bool("is_verified"));
            c.usedForAuth = usedForAuth;
            user.contactChannels.add(c);
            if (Boolean.TRUE.equals(body.bool("is_primary"))) {
                user.makePrimary(c);
            }
            return ApiResponse.json(201, view(user, c));
        }
    }

    private ApiResponse read(ApiRequest r) {
        r.requireAccess("client", "server", "admin");
        r.allowQuery("user_id", "contact_channel_id");
        Path p = path(r, "Client can only read contact channels for their own user.");
        synchronized (store) {
            StoredUser user = store.user(p.userId);
            StoredContactChannel c = user == null ? null : user.contactChannel(p.channelId);
            if (c == null) {
                throw new StatusError(404, "Contact channel not found.");
            }
            return ApiResponse.json(200, view(user, c));
        }
    }

    private ApiResponse update(ApiRequest r) {
        r.requireAccess("client", "server", "admin");
        r.allowQuery("user_id", "contact_channel_id");
        Path p = path(r, "Client can only update contact channels for their own user.");
        ApiRequest.Body body = r.body(true, r.isClient() ? CLIENT_UPDATE : SERVER_UPDATE);
        if (body.has("type")) {
            requireEmailType(body.requireString("type"));
        }
        String value = body.has("value") ? UserRoutes.normalizeEmail(body.requireString("value"), "body.value") : null;
        synchronized (store) {
            StoredUser user = existingUserWithChannel(p);
            StoredContactChannel c = user.contactChannel(p.channelId);
            Boolean usedForAuth = body.bool("used_for_auth");
            String newValue = value != null ? value : c.value;
            if (Boolean.TRUE.equals(usedForAuth) || (value != null && c.usedForAuth)) {
                StoredUser owner = store.authEmailOwner(newValue, null);
                StoredContactChannel other = owner == null ? null : owner.contactChannelWithValue(newValue);
                if (other != null && other != c) {
                    throw KnownError.contactChannelAlreadyUsedForAuth(newValue);
                }
            }
            Boolean primary = body.bool("is_primary");
            if (Boolean.TRUE.equals(primary)) {
                user.makePrimary(c);
            } else if (primary != null) {
                c.primary = false;
            }
            if (value != null) {
                c.value = value;
            }
            Boolean verified = body.bool("is_verified");
            if (verified != null) {
                c.verified = verified;
            } else if (value != null) {
                c.verified = false; // a new address must be verified again
            }
            if (usedForAuth != null) {
                c.usedForAuth = usedForAuth;
            }
            return ApiResponse.json(200, view(user, c));
        }
    }

    private ApiResponse delete(ApiRequest r) {
        r.requireAccess("client", "server", "admin");
        r.allowQuery("user_id", "contact_channel_id");
        r.body(false);
        Path p = path(r, "Client can only delete contact channels for their own user.");
        synchronized (store) {
            StoredUser user = existingUserWithChannel(p);
            user.contactChannels.remove(user.contactChannel(p.channelId));
            return ApiResponse.success();
        }
    }

    // ------------------------------------------------------------------ verification

    private ApiResponse sendCode(ApiRequest r) {
        r.requireAccess("client", "server", "admin");
        r.allowQuery();
        String userId = r.userIdOrMe(r.pathParam(0), "params.user_id");
        String channelId = ApiRequest.uuid(r.pathParam(1), "params.contact_channel_id");
        String callbackUrl = r.body(true, "callback_url").requireUrl("callback_url");
        if (r.isClient() && !r.requireCurrentUser().id.equals(userId)) {
            throw new StatusError(400, "Can only send verification code for your own user");
        }
        synchronized (store) {
            StoredUser user = store.user(userId);
            if (user == null) {
                throw KnownError.userIdDoesNotExist(userId);
            }
            StoredContactChannel c = user.contactChannel(channelId);
            if (c == null) {
                throw new StatusError(404, "Contact channel not found");
            }
            if (c.verified) {
                throw KnownError.emailAlreadyVerified();
            }
            store.createCode(VerificationCode.Purpose.CONTACT_CHANNEL_VERIFICATION, c.value, user.id, null, callbackUrl);
            return ApiResponse.success();
        }
    }

    /** {@code /contact-channels/verify} (uses the code) and {@code /verify/check-code} (only checks it). */
    private ApiResponse verify(ApiRequest r, boolean use) {
        r.requireAccess("client", "server", "admin");
        r.allowQuery();
        String submitted = r.body(true, "code").requireCode();
        synchronized (store) {
            StoredCode code = store.usableCode(VerificationCode.Purpose.CONTACT_CHANNEL_VERIFICATION, submitted);
            if (!use) {
                return ApiResponse.json(200, Json.object().put("is_code_valid", true));
            }
            code.usedAtMillis = store.nowMillis();
            StoredUser user = store.user(code.userId);
            StoredContactChannel c = user == null ? null : user.contactChannelWithValue(code.email);
            if (c == null) {
                throw new StatusError(400, "Contact channel not found. Was your contact channel deleted?");
            }
            c.verified = true;
            return ApiResponse.success();
        }
    }

    // ------------------------------------------------------------------ shared

    private record Path(String userId, String channelId) {
    }

    private static Path path(ApiRequest r, String forbidden) {
        String userId = r.userIdOrMe(r.pathParam(0), "params.user_id");
        String channelId = ApiRequest.uuid(r.pathParam(1), "params.contact_channel_id");
        r.requireOwnUserIfClient(userId, forbidden);
        return new Path(userId, channelId);
    }

    /** The user owning the channel of the path. @throws StatusError 400 when there is no such channel (as Hexclave) */
    private StoredUser existingUserWithChannel(Path p) {
        StoredUser user = store.user(p.userId);
        if (user == null || user.contactChannel(p.channelId) == null) {
            throw new StatusError(400, "Contact channel not found");
        }
        return user;
    }

    private static void requireEmailType(String type) {
        if (!type.equals("email")) {
            throw KnownError.schemaError("body.type must be one of the following values: email");
        }
    }

    static ObjectNode view(StoredUser user, StoredContactChannel c) {
        ObjectNode o = Json.object();
        o.put("user_id", user.id);
        o.put("id", c.id);
        o.put("value", c.value);
        o.put("type", "email");
        o.put("used_for_auth", c.usedForAuth);
        o.put("is_verified", c.verified);
        o.put("is_primary", c.primary);
        return o;
    }
}
