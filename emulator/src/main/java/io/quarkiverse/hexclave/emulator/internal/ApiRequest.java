package io.quarkiverse.hexclave.emulator.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** One parsed request: method, path, strict query and body access, aliased headers, authentication. */
public final class ApiRequest {

    static final Pattern UUID_PATTERN = Pattern
            .compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    final String method;
    final String path;
    final Map<String, String> query;
    final Map<String, String> headers;
    final byte[] body;
    final String contentType;
    String[] pathParams = new String[0];
    AccessContext access;
    EmulatorStore store;

    ApiRequest(String method, String path, Map<String, String> query, Map<String, String> headers, byte[] body,
            String contentType) {
        this.method = method;
        this.path = path;
        this.query = query;
        this.headers = headers;
        this.body = body;
        this.contentType = contentType;
    }

    /** A header by lower-case name, after the {@code x-hexclave-*} → {@code x-stack-*} aliasing; blank counts as absent. */
    public String header(String name) {
        String v = headers.get(name);
        return v == null || v.isEmpty() ? null : v;
    }

    public String pathParam(int index) {
        return pathParams[index];
    }

    public AccessContext access() {
        return access;
    }

    /** The access type, or {@code null}. */
    public String accessType() {
        return access == null ? null : access.accessType();
    }

    /** The decoded access token, or {@code null}. */
    public DecodedAccessToken token() {
        return access == null ? null : access.token();
    }

    /** Requires one of the access types: 400 {@code ACCESS_TYPE_REQUIRED} without any, 401 {@code INSUFFICIENT_ACCESS_TYPE} otherwise. */
    public String requireAccess(String... allowed) {
        if (access == null) {
            throw KnownError.accessTypeRequired();
        }
        if (!Arrays.asList(allowed).contains(access.accessType())) {
            throw KnownError.insufficientAccessType(access.accessType(), allowed);
        }
        return access.accessType();
    }

    public boolean isClient() {
        return "client".equals(accessType());
    }

    // ------------------------------------------------------------------ who the request acts for

    /** The user of the access token, or {@code null} without a token or when the user no longer exists. */
    public StoredUser currentUser() {
        DecodedAccessToken token = token();
        return token == null ? null : store.user(token.userId());
    }

    /**
     * A user id given as {@code me} or a UUID (Hexclave's {@code userIdOrMeSchema}): {@code me} is the access token's
     * user.
     *
     * @param field the field for the schema error, e.g. {@code query.user_id}
     * @throws KnownError {@code CANNOT_GET_OWN_USER_WITHOUT_USER} for {@code me} without a (living) user,
     *         {@code SCHEMA_ERROR} for anything else that is not a UUID
     */
    public String userIdOrMe(String value, String field) {
        if (value.equals("me")) {
            StoredUser user = currentUser();
            if (user == null) {
                throw KnownError.cannotGetOwnUserWithoutUser();
            }
            return user.id;
        }
        if (!UUID_PATTERN.matcher(value).matches()) {
            throw KnownError.schemaError(field + " must be a valid UUID or \"me\"");
        }
        return value.toLowerCase(java.util.Locale.ROOT);
    }

    /** A UUID (lower-cased). @throws KnownError {@code SCHEMA_ERROR} */
    public static String uuid(String value, String field) {
        if (value == null || !UUID_PATTERN.matcher(value).matches()) {
            throw KnownError.schemaError(field + " must be a valid UUID");
        }
        return value.toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * For client access, the rule of most Hexclave endpoints: a client acts only for its own user.
     *
     * @throws KnownError {@code CANNOT_GET_OWN_USER_WITHOUT_USER} for a client without a user
     * @throws StatusError 403 with the message when the user is someone else
     */
    public void requireOwnUserIfClient(String userId, String forbidden) {
        if (isClient() && !requireCurrentUser().id.equals(userId)) {
            throw new StatusError(403, forbidden);
        }
    }

    /**
     * The access token's user.
     *
     * @throws KnownError {@code CANNOT_GET_OWN_USER_WITHOUT_USER}
     */
    public StoredUser requireCurrentUser() {
        StoredUser user = currentUser();
        if (user == null) {
            throw KnownError.cannotGetOwnUserWithoutUser();
        }
        return user;
    }

    /**
     * The client's signed-in user.
     *
     * @throws KnownError {@code USER_AUTHENTICATION_REQUIRED}
     */
    public StoredUser requireSignedInUser() {
        StoredUser user = currentUser();
        if (user == null) {
            throw KnownError.userAuthenticationRequired();
        }
        return user;
    }

    // ------------------------------------------------------------------ query

    /** Rejects unknown query parameters with 400 {@code SCHEMA_ERROR}. */
    public ApiRequest allowQuery(String... names) {
        Set<String> unknown = new TreeSet<>(query.keySet());
        unknown.removeAll(List.of(names));
        if (!unknown.isEmpty()) {
            throw KnownError.schemaError("query contains unknown properties: " + String.join(", ", unknown));
        }
        return this;
    }

    public String query(String name) {
        return query.get(name);
    }

    public String requireQuery(String name) {
        String v = query.get(name);
        if (v == null) {
            throw KnownError.schemaError("query." + name + " must be defined");
        }
        return v;
    }

    /** A boolean flag that must be exactly {@code true} or {@code false} when present. */
    public boolean queryFlag(String name) {
        String v = query.get(name);
        if (v == null) {
            return false;
        }
        return switch (v) {
            case "true" -> true;
            case "false" -> false;
            default -> throw KnownError.schemaError("query." + name + " must be one of the following values: true, false");
        };
    }

    // ------------------------------------------------------------------ body

    /**
     * The JSON body as an object restricted to these fields. An absent body counts as {@code {}} when
     * {@code required} is false.
     */
    public Body body(boolean required, String... allowedFields) {
        ObjectNode node;
        if (body.length == 0) {
            if (required) {
                throw KnownError.schemaError("body must be defined");
            }
            node = Json.object();
        } else {
            if (contentType == null || !contentType.toLowerCase().startsWith("application/json")) {
                throw KnownError.bodyParsingError("Request body has content type " + (contentType == null ? "(none)" : contentType)
                        + ", but application/json was expected.");
            }
            JsonNode parsed;
            try {
                parsed = Json.MAPPER.readTree(new String(body, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw KnownError.bodyParsingError("Request body is not valid JSON.");
            }
            if (parsed == null || !parsed.isObject()) {
                throw KnownError.schemaError("body must be a `object` type");
            }
            node = (ObjectNode) parsed;
        }
        Set<String> unknown = new TreeSet<>();
        node.fieldNames().forEachRemaining(unknown::add);
        unknown.removeAll(List.of(allowedFields));
        if (!unknown.isEmpty()) {
            throw KnownError.schemaError("body contains unknown properties: " + String.join(", ", unknown));
        }
        return new Body(node);
    }

    /** Strictly typed access to a JSON body. */
    public static final class Body {
        private final ObjectNode node;

        Body(ObjectNode node) {
            this.node = node;
        }

        public boolean has(String name) {
            return node.has(name);
        }

        public JsonNode raw(String name) {
            return node.get(name);
        }

        /** A string or null; other types → SCHEMA_ERROR. */
        public String string(String name) {
            JsonNode v = node.get(name);
            if (v == null || v.isNull()) {
                return null;
            }
            if (!v.isTextual()) {
                throw KnownError.schemaError("body." + name + " must be a `string` type");
            }
            return v.asText();
        }

        public String requireString(String name) {
            String v = string(name);
            if (v == null) {
                throw KnownError.schemaError("body." + name + " must be defined");
            }
            return v;
        }

        public Boolean bool(String name) {
            JsonNode v = node.get(name);
            if (v == null) {
                return null;
            }
            if (!v.isBoolean()) {
                throw KnownError.schemaError("body." + name + " must be a `boolean` type");
            }
            return v.asBoolean();
        }

        public boolean requireBool(String name) {
            Boolean v = bool(name);
            if (v == null) {
                throw KnownError.schemaError("body." + name + " must be defined");
            }
            return v;
        }

        public Long number(String name) {
            JsonNode v = node.get(name);
            if (v == null) {
                return null;
            }
            if (!v.isNumber()) {
                throw KnownError.schemaError("body." + name + " must be a `number` type");
            }
            return v.asLong();
        }

        /**
         * An absolute http(s) URL, e.g. the {@code callback_url} an e-mail's link is built from. The emulator sends no
         * e-mail, so every such URL is allowed (Hexclave requires a trusted domain).
         */
        public String requireUrl(String name) {
            String v = requireString(name);
            try {
                java.net.URI uri = new java.net.URI(v);
                if (uri.getHost() != null && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                    return v;
                }
            } catch (java.net.URISyntaxException e) {
                // reported below
            }
            throw KnownError.schemaError("body." + name + " must be a valid URL");
        }

        /** A 45-character code from an e-mail ({@code body.code}). */
        public String requireCode() {
            String code = requireString("code");
            if (code.length() != 45) {
                throw KnownError.schemaError("body.code must be exactly 45 characters");
            }
            return code;
        }

        /** Any JSON (metadata). */
        public JsonNode json(String name) {
            JsonNode v = node.get(name);
            return v == null ? null : v.deepCopy();
        }
    }
}
