package io.quarkiverse.hexclave.client.error;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code TEAM_MEMBERSHIP_NOT_FOUND} (404): the user is not a member of the team.
 */
public final class TeamMembershipNotFoundException extends HexclaveApiException {

    private static final long serialVersionUID = 1L;

    public TeamMembershipNotFoundException(String code, int status, String requestId, JsonNode details, String serverMessage) {
        super(code, status, requestId, details, serverMessage);
    }
}
