package io.quarkiverse.hexclave.client.error;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Hexclave refused the project credentials (its {@code PROJECT_AUTHENTICATION_ERROR} family: wrong or missing secret server key or publishable client key, wrong access type, unknown project). An operator error, not the end user's.
 */
public class ProjectAuthenticationException extends HexclaveApiException {

    private static final long serialVersionUID = 1L;

    public ProjectAuthenticationException(String code, int status, String requestId, JsonNode details, String serverMessage) {
        super(code, status, requestId, details, serverMessage);
    }
}
