package io.quarkiverse.hexclave.client.error;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code API_KEY_EXPIRED} (401): the API key is past its expiry.
 */
public final class ApiKeyExpiredException extends ApiKeyNotValidException {

    private static final long serialVersionUID = 1L;

    public ApiKeyExpiredException(String code, int status, String requestId, JsonNode details, String serverMessage) {
        super(code, status, requestId, details, serverMessage);
    }
}
