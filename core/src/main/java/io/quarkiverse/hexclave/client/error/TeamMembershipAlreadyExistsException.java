package io.quarkiverse.hexclave.client.error;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code TEAM_MEMBERSHIP_ALREADY_EXISTS} (409): the user is a member of that team already.
 */
public final class TeamMembershipAlreadyExistsException extends HexclaveApiException {

    private static final long serialVersionUID = 1L;

    public TeamMembershipAlreadyExistsException(String code, int status, String requestId, JsonNode details,
            String serverMessage) {
        super(code, status, requestId, details, serverMessage);
    }
}
