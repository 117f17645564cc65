package io.quarkiverse.hexclave.client.error;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code TEAM_NOT_FOUND} (404): no team with that id.
 */
public final class TeamNotFoundException extends HexclaveApiException {

    private static final long serialVersionUID = 1L;

    public TeamNotFoundException(String code, int status, String requestId, JsonNode details, String serverMessage) {
        super(code, status, requestId, details, serverMessage);
    }
}
