package io.quarkiverse.hexclave.client.error;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code SCHEMA_ERROR} (400): Hexclave rejected the request's shape (unknown or malformed field, parameter or id). {@link #serverMessage()} says which.
 */
public final class SchemaErrorException extends HexclaveApiException {

    private static final long serialVersionUID = 1L;

    public SchemaErrorException(String code, int status, String requestId, JsonNode details, String serverMessage) {
        super(code, status, requestId, details, serverMessage);
    }
}
