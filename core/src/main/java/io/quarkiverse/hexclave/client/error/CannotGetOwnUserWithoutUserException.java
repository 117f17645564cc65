package io.quarkiverse.hexclave.client.error;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code CANNOT_GET_OWN_USER_WITHOUT_USER} (400): {@code me} was used without an access token, or the token's user was deleted.
 */
public final class CannotGetOwnUserWithoutUserException extends HexclaveApiException {

    private static final long serialVersionUID = 1L;

    public CannotGetOwnUserWithoutUserException(String code, int status, String requestId, JsonNode details, String serverMessage) {
        super(code, status, requestId, details, serverMessage);
    }
}
