package io.quarkiverse.hexclave.client.error;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code USER_ID_DOES_NOT_EXIST} (400): a request named a user that does not exist (e.g. creating a session).
 */
public final class UserIdDoesNotExistException extends HexclaveApiException {

    private static final long serialVersionUID = 1L;

    public UserIdDoesNotExistException(String code, int status, String requestId, JsonNode details, String serverMessage) {
        super(code, status, requestId, details, serverMessage);
    }
}
