package io.quarkiverse.hexclave.client.error;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code INVALID_SECRET_SERVER_KEY} (401): check {@code hexclave.secret-server-key} ({@code HEXCLAVE_SECRET_SERVER_KEY}).
 */
public final class InvalidSecretServerKeyException extends ProjectAuthenticationException {

    private static final long serialVersionUID = 1L;

    public InvalidSecretServerKeyException(String code, int status, String requestId, JsonNode details, String serverMessage) {
        super(code, status, requestId, details, serverMessage);
    }
}
