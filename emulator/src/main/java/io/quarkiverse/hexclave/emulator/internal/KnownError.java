package io.quarkiverse.hexclave.emulator.internal;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A Hexclave "known error": answered as JSON {@code {code, details?, error}} with the {@code x-*-known-error} headers
 * (wire reference §7.1). Messages never contain secrets.
 */
public final class KnownError extends RuntimeException {

    private final int status;
    private final String code;
    private final ObjectNode details;

    public KnownError(int status, String code, String message, ObjectNode details) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.details = details;
    }

    public KnownError(int status, String code, String message) {
        this(status, code, message, null);
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** Details, or {@code null} when empty. */
    public ObjectNode details() {
        return details == null || details.isEmpty() ? null : details;
    }

    /** Details built from alternating keys and values (values: String, Number, Boolean, JsonNode or null). */
    public static ObjectNode details(Object... keysAndValues) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            node.set((String) keysAndValues[i], Json.MAPPER.valueToTree(keysAndValues[i + 1]));
        }
        return node;
    }

    // ---- catalogue of the errors the emulator emits (codes and statuses of wire reference §7.2) ----

    public static KnownError schemaError(String message) {
        return new KnownError(400, "SCHEMA_ERROR", "Request validation failed:\n  - " + message,
                details("message", "Request validation failed:\n  - " + message));
    }

    public static KnownError bodyParsingError(String message) {
        return new KnownError(400, "BODY_PARSING_ERROR", message);
    }

    public static KnownError userNotFound() {
        return new KnownError(404, "USER_NOT_FOUND", "User not found.");
    }

    public static KnownError insufficientAccessType(String actual, String... allowed) {
        return new KnownError(401, "INSUFFICIENT_ACCESS_TYPE",
                "The x-hexclave-access-type header must be " + String.join(" or ", allowed) + ", but was " + actual + ".",
                details("actual_access_type", actual, "allowed_access_types", allowed));
    }

    public static KnownError accessTypeRequired() {
        return new KnownError(400, "ACCESS_TYPE_REQUIRED",
                "You must specify an access level for this Hexclave project. Make sure the x-hexclave-access-type header is set.");
    }

    public static KnownError refreshTokenNotFoundOrExpired() {
        return new KnownError(401, "REFRESH_TOKEN_NOT_FOUND_OR_EXPIRED",
                "Refresh token not found for this project, or the session has expired/been revoked.");
    }

    public static KnownError cannotGetOwnUserWithoutUser() {
        return new KnownError(400, "CANNOT_GET_OWN_USER_WITHOUT_USER",
                "You have specified 'me' as a userId, but did not provide authentication for a user.");
    }

    public static KnownError teamNotFound(String teamId) {
        return new KnownError(404, "TEAM_NOT_FOUND", "Team not found.", details("team_id", teamId));
    }

    public static KnownError teamMembershipNotFound(String teamId, String userId) {
        return new KnownError(404, "TEAM_MEMBERSHIP_NOT_FOUND", "User is not a member of the team.",
                details("team_id", teamId, "user_id", userId));
    }

    public static KnownError permissionNotFound(String permissionId) {
        return new KnownError(404, "PERMISSION_NOT_FOUND", "Permission \"" + permissionId + "\" not found.",
                details("permission_id", permissionId));
    }
}
