package io.quarkiverse.hexclave.client.error;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code INVALID_PROJECT_FOR_ACCESS_TOKEN} (401): the access token belongs to another project.
 */
public final class InvalidProjectForAccessTokenException extends InvalidAccessTokenException {

    private static final long serialVersionUID = 1L;

    public InvalidProjectForAccessTokenException(String code, int status, String requestId, JsonNode details, String serverMessage) {
        super(code, status, requestId, details, serverMessage);
    }
}
