package io.quarkiverse.hexclave.client.error;

import com.fasterxml.jackson.databind.JsonNode;

/** {@code EMAIL_ALREADY_VERIFIED} (400): the contact channel is verified already, so no code is sent. */
public final class EmailAlreadyVerifiedException extends HexclaveApiException {

    private static final long serialVersionUID = 1L;

    public EmailAlreadyVerifiedException(String code, int status, String requestId, JsonNode details, String serverMessage) {
        super(code, status, requestId, details, serverMessage);
    }
}
