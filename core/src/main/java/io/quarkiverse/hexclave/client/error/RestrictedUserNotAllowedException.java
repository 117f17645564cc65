package io.quarkiverse.hexclave.client.error;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code RESTRICTED_USER_NOT_ALLOWED} (403): the access token is a restricted user's, and restricted users were not allowed ({@code hexclave.allow-restricted-users}).
 */
public final class RestrictedUserNotAllowedException extends HexclaveApiException {

    private static final long serialVersionUID = 1L;

    public RestrictedUserNotAllowedException(String code, int status, String requestId, JsonNode details, String serverMessage) {
        super(code, status, requestId, details, serverMessage);
    }
}
