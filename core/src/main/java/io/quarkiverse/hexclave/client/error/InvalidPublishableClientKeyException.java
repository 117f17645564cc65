package io.quarkiverse.hexclave.client.error;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code INVALID_PUBLISHABLE_CLIENT_KEY} (401), or {@code PUBLISHABLE_CLIENT_KEY_REQUIRED_FOR_PROJECT} (401): check {@code hexclave.publishable-client-key} ({@code HEXCLAVE_PUBLISHABLE_CLIENT_KEY}).
 */
public final class InvalidPublishableClientKeyException extends ProjectAuthenticationException {

    private static final long serialVersionUID = 1L;

    public InvalidPublishableClientKeyException(String code, int status, String requestId, JsonNode details, String serverMessage) {
        super(code, status, requestId, details, serverMessage);
    }
}
