package io.quarkiverse.hexclave.client.error;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code UNPARSABLE_ACCESS_TOKEN} (401): the access token is malformed, or its signature or issuer is wrong.
 */
public final class UnparsableAccessTokenException extends InvalidAccessTokenException {

    private static final long serialVersionUID = 1L;

    public UnparsableAccessTokenException(String code, int status, String requestId, JsonNode details, String serverMessage) {
        super(code, status, requestId, details, serverMessage);
    }
}
