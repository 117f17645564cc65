package io.quarkiverse.hexclave.client.error;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code OAUTH_PROVIDER_ACCOUNT_ID_ALREADY_USED_FOR_SIGN_IN} (400): another user already signs in with that provider
 * account.
 */
public final class OAuthAccountAlreadyUsedForSignInException extends HexclaveApiException {

    private static final long serialVersionUID = 1L;

    public OAuthAccountAlreadyUsedForSignInException(String code, int status, String requestId, JsonNode details,
            String serverMessage) {
        super(code, status, requestId, details, serverMessage);
    }
}
