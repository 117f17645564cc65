package io.quarkiverse.hexclave.client.error;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The user may not accept this team invitation (403): {@code TEAM_INVITATION_EMAIL_MISMATCH} (it was sent to an
 * address the user has not verified) or {@code TEAM_INVITATION_RESTRICTED_USER_NOT_ALLOWED} (the user is restricted,
 * e.g. has not verified an e-mail yet).
 */
public final class TeamInvitationNotAllowedException extends HexclaveApiException {

    private static final long serialVersionUID = 1L;

    public TeamInvitationNotAllowedException(String code, int status, String requestId, JsonNode details,
            String serverMessage) {
        super(code, status, requestId, details, serverMessage);
    }
}
