package io.quarkiverse.hexclave.client.error;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code CANNOT_DELETE_CURRENT_SESSION} (400): revoking the session the request's own access token belongs to; sign out instead.
 */
public final class CannotDeleteCurrentSessionException extends RefreshTokenException {

    private static final long serialVersionUID = 1L;

    public CannotDeleteCurrentSessionException(String code, int status, String requestId, JsonNode details, String serverMessage) {
        super(code, status, requestId, details, serverMessage);
    }
}
