package io.quarkiverse.hexclave.client.error;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The {@code API_KEY_NOT_VALID} family: a presented user or team API key was refused. The subclass says why (not
 * found, expired, revoked, wrong type).
 */
public class ApiKeyNotValidException extends HexclaveApiException {

    private static final long serialVersionUID = 1L;

    public ApiKeyNotValidException(String code, int status, String requestId, JsonNode details, String serverMessage) {
        super(code, status, requestId, details, serverMessage);
    }
}
