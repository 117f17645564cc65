package io.quarkiverse.hexclave.client.error;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code ACCESS_TOKEN_EXPIRED} (401): the access token's {@code exp} is past; refresh it with the refresh token.
 */
public final class AccessTokenExpiredException extends InvalidAccessTokenException {

    private static final long serialVersionUID = 1L;

    public AccessTokenExpiredException(String code, int status, String requestId, JsonNode details, String serverMessage) {
        super(code, status, requestId, details, serverMessage);
    }
}
