package io.quarkiverse.hexclave.client.error;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code ANONYMOUS_AUTHENTICATION_NOT_ALLOWED} (401): the access token is an anonymous user's, and anonymous users were not allowed ({@code hexclave.allow-anonymous-users}).
 */
public final class AnonymousAuthenticationNotAllowedException extends HexclaveApiException {

    private static final long serialVersionUID = 1L;

    public AnonymousAuthenticationNotAllowedException(String code, int status, String requestId, JsonNode details, String serverMessage) {
        super(code, status, requestId, details, serverMessage);
    }
}
