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

    public static KnownError userIdDoesNotExist(String userId) {
        return new KnownError(400, "USER_ID_DOES_NOT_EXIST", "The given user with the ID " + userId + " does not exist.",
                details("user_id", userId));
    }

    public static KnownError userAuthenticationRequired() {
        return new KnownError(401, "USER_AUTHENTICATION_REQUIRED", "User authentication required for this endpoint.");
    }

    public static KnownError contactChannelAlreadyUsedForAuth(String value) {
        return new KnownError(409, "CONTACT_CHANNEL_ALREADY_USED_FOR_AUTH_BY_SOMEONE_ELSE",
                "This email \"(" + value + ")\" is already used for authentication by another account.",
                details("type", "email", "contact_channel_value", value, "would_work_if_email_was_verified", false));
    }

    public static KnownError emailAlreadyVerified() {
        return new KnownError(409, "EMAIL_ALREADY_VERIFIED", "The e-mail is already verified.");
    }

    public static KnownError teamNotFound(String teamId) {
        return new KnownError(404, "TEAM_NOT_FOUND", "Team " + teamId + " not found.", details("team_id", teamId));
    }

    public static KnownError teamMembershipNotFound(String teamId, String userId) {
        return new KnownError(404, "TEAM_MEMBERSHIP_NOT_FOUND", "User " + userId + " is not found in team " + teamId + ".",
                details("team_id", teamId, "user_id", userId));
    }

    public static KnownError teamMembershipAlreadyExists() {
        return new KnownError(409, "TEAM_MEMBERSHIP_ALREADY_EXISTS", "Team membership already exists.");
    }

    public static KnownError permissionNotFound(String permissionId) {
        return new KnownError(404, "PERMISSION_NOT_FOUND", "Permission \"" + permissionId
                + "\" not found. Make sure you created it on the dashboard.", details("permission_id", permissionId));
    }

    public static KnownError wrongPermissionScope(String permissionId, PermissionRegistry.Scope expected,
            PermissionRegistry.Scope actual) {
        return new KnownError(404, "WRONG_PERMISSION_SCOPE", "Permission \"" + permissionId
                + "\" not found. (It was found for a different scope \"" + actual.wireName() + "\", but scope \""
                + expected.wireName() + "\" was expected.)",
                details("permission_id", permissionId, "expected_scope", expected.wireName(), "actual_scope",
                        actual.wireName()));
    }

    /** A team permission the caller must hold but does not (client access). */
    public static KnownError teamPermissionRequired(String teamId, String userId, String permissionId) {
        return new KnownError(401, "TEAM_PERMISSION_REQUIRED", "User " + userId + " does not have permission "
                + permissionId + " in team " + teamId + ".",
                details("team_id", teamId, "user_id", userId, "permission_id", permissionId));
    }

    /** A team permission to revoke that was never granted. */
    public static KnownError teamPermissionNotFound(String teamId, String userId, String permissionId) {
        return new KnownError(401, "TEAM_PERMISSION_NOT_FOUND", "User " + userId + " does not have permission "
                + permissionId + " in team " + teamId + ".",
                details("team_id", teamId, "user_id", userId, "permission_id", permissionId));
    }

    public static KnownError apiKeyNotFound() {
        return new KnownError(404, "API_KEY_NOT_FOUND", "API key not found.");
    }

    public static KnownError apiKeyExpired() {
        return new KnownError(401, "API_KEY_EXPIRED", "API key has expired.");
    }

    public static KnownError apiKeyRevoked() {
        return new KnownError(401, "API_KEY_REVOKED", "API key has been revoked.");
    }

    public static KnownError wrongApiKeyType(String expectedType, String actualType) {
        return new KnownError(400, "WRONG_API_KEY_TYPE", "This endpoint is for " + expectedType
                + " API keys, but a " + actualType + " API key was provided.",
                details("expected_type", expectedType, "actual_type", actualType));
    }

    public static KnownError verificationCodeNotFound() {
        return new KnownError(404, "VERIFICATION_CODE_NOT_FOUND", "The verification code does not exist for this project.");
    }

    public static KnownError verificationCodeExpired() {
        return new KnownError(400, "VERIFICATION_CODE_EXPIRED", "The verification code has expired.");
    }

    public static KnownError verificationCodeAlreadyUsed() {
        return new KnownError(409, "VERIFICATION_CODE_ALREADY_USED", "The verification link has already been used.");
    }

    public static KnownError verificationCodeMaxAttemptsReached() {
        return new KnownError(400, "VERIFICATION_CODE_MAX_ATTEMPTS_REACHED",
                "The verification code nonce has reached the maximum number of attempts. This code is not valid anymore.");
    }

    public static KnownError teamInvitationRestrictedUserNotAllowed(String restrictedReasonType) {
        return new KnownError(403, "TEAM_INVITATION_RESTRICTED_USER_NOT_ALLOWED",
                "Restricted users cannot accept team invitations. Reason: " + restrictedReasonType
                        + ". Please complete the onboarding process before accepting team invitations.",
                details("restricted_reason", Json.object().put("type", restrictedReasonType)));
    }

    public static KnownError oauthProviderAccountIdAlreadyUsedForSignIn() {
        return new KnownError(400, "OAUTH_PROVIDER_ACCOUNT_ID_ALREADY_USED_FOR_SIGN_IN",
                "A provider with the same account ID is already used for signing in.");
    }

    public static KnownError dataVaultStoreHashedKeyDoesNotExist(String storeId, String hashedKey) {
        return new KnownError(400, "DATA_VAULT_STORE_HASHED_KEY_DOES_NOT_EXIST", "Data vault store with ID " + storeId
                + " does not contain a key with hash " + hashedKey + ".",
                details("store_id", storeId, "hashed_key", hashedKey));
    }
}
