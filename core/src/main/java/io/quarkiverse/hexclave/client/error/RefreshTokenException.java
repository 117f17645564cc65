package io.quarkiverse.hexclave.client.error;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A problem with a refresh token or session (Hexclave's {@code REFRESH_TOKEN_ERROR} family).
 */
public class RefreshTokenException extends HexclaveApiException {

    private static final long serialVersionUID = 1L;

    public RefreshTokenException(String code, int status, String requestId, JsonNode details, String serverMessage) {
        super(code, status, requestId, details, serverMessage);
    }
}
