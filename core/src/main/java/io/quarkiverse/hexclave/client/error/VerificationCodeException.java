package io.quarkiverse.hexclave.client.error;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A verification code was refused: {@code VERIFICATION_CODE_NOT_FOUND} (404), {@code VERIFICATION_CODE_EXPIRED}
 * (400), {@code VERIFICATION_CODE_ALREADY_USED} (409) or {@code VERIFICATION_CODE_MAX_ATTEMPTS_REACHED} (400).
 */
public final class VerificationCodeException extends HexclaveApiException {

    private static final long serialVersionUID = 1L;

    public VerificationCodeException(String code, int status, String requestId, JsonNode details, String serverMessage) {
        super(code, status, requestId, details, serverMessage);
    }
}
