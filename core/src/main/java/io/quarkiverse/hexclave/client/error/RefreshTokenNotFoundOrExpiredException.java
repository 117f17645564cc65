package io.quarkiverse.hexclave.client.error;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code REFRESH_TOKEN_NOT_FOUND_OR_EXPIRED} (401): the session is gone (expired, revoked, or its user deleted); sign in again.
 */
public final class RefreshTokenNotFoundOrExpiredException extends RefreshTokenException {

    private static final long serialVersionUID = 1L;

    public RefreshTokenNotFoundOrExpiredException(String code, int status, String requestId, JsonNode details, String serverMessage) {
        super(code, status, requestId, details, serverMessage);
    }
}
