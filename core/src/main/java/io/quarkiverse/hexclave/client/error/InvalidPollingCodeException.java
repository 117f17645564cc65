package io.quarkiverse.hexclave.client.error;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code INVALID_POLLING_CODE} (400): the CLI login's polling code is unknown.
 */
public final class InvalidPollingCodeException extends HexclaveApiException {

    private static final long serialVersionUID = 1L;

    public InvalidPollingCodeException(String code, int status, String requestId, JsonNode details, String serverMessage) {
        super(code, status, requestId, details, serverMessage);
    }
}
