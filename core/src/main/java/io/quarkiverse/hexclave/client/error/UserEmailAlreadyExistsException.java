package io.quarkiverse.hexclave.client.error;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code USER_EMAIL_ALREADY_EXISTS} (409), or {@code CONTACT_CHANNEL_ALREADY_USED_FOR_AUTH_BY_SOMEONE_ELSE} (409): another user already has that e-mail.
 */
public final class UserEmailAlreadyExistsException extends HexclaveApiException {

    private static final long serialVersionUID = 1L;

    public UserEmailAlreadyExistsException(String code, int status, String requestId, JsonNode details, String serverMessage) {
        super(code, status, requestId, details, serverMessage);
    }
}
