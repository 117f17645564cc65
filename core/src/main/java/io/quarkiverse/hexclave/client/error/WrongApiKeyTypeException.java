package io.quarkiverse.hexclave.client.error;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code WRONG_API_KEY_TYPE} (400): a team key was checked as a user key or the other way round; {@code expected_type} and {@code actual_type} are in {@link #details()}.
 */
public final class WrongApiKeyTypeException extends ApiKeyNotValidException {

    private static final long serialVersionUID = 1L;

    public WrongApiKeyTypeException(String code, int status, String requestId, JsonNode details, String serverMessage) {
        super(code, status, requestId, details, serverMessage);
    }
}
