package io.quarkiverse.hexclave.client.error;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code API_KEY_NOT_FOUND} (404): no API key with that value or id.
 */
public final class ApiKeyNotFoundException extends ApiKeyNotValidException {

    private static final long serialVersionUID = 1L;

    public ApiKeyNotFoundException(String code, int status, String requestId, JsonNode details, String serverMessage) {
        super(code, status, requestId, details, serverMessage);
    }
}
