package io.quarkiverse.hexclave.client.error;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code PUBLIC_API_KEY_CANNOT_BE_REVOKED} (400): public API keys cannot be revoked.
 */
public final class PublicApiKeyCannotBeRevokedException extends HexclaveApiException {

    private static final long serialVersionUID = 1L;

    public PublicApiKeyCannotBeRevokedException(String code, int status, String requestId, JsonNode details, String serverMessage) {
        super(code, status, requestId, details, serverMessage);
    }
}
