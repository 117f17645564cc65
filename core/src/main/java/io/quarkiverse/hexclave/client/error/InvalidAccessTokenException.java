package io.quarkiverse.hexclave.client.error;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The access token sent on behalf of a user was not accepted (Hexclave's {@code INVALID_ACCESS_TOKEN} family): refresh it or sign in again.
 */
public class InvalidAccessTokenException extends HexclaveApiException {

    private static final long serialVersionUID = 1L;

    public InvalidAccessTokenException(String code, int status, String requestId, JsonNode details, String serverMessage) {
        super(code, status, requestId, details, serverMessage);
    }
}
