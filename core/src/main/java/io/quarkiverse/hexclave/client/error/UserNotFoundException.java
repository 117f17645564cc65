package io.quarkiverse.hexclave.client.error;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code USER_NOT_FOUND} (404): no user with that id.
 */
public final class UserNotFoundException extends HexclaveApiException {

    private static final long serialVersionUID = 1L;

    public UserNotFoundException(String code, int status, String requestId, JsonNode details, String serverMessage) {
        super(code, status, requestId, details, serverMessage);
    }
}
