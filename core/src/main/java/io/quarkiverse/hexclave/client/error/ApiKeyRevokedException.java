package io.quarkiverse.hexclave.client.error;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code API_KEY_REVOKED} (401): the API key was revoked.
 */
public final class ApiKeyRevokedException extends ApiKeyNotValidException {

    private static final long serialVersionUID = 1L;

    public ApiKeyRevokedException(String code, int status, String requestId, JsonNode details, String serverMessage) {
        super(code, status, requestId, details, serverMessage);
    }
}
