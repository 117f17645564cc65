package io.quarkiverse.hexclave.client.error;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code PERMISSION_NOT_FOUND} (404), or {@code WRONG_PERMISSION_SCOPE} (404): no such team permission.
 */
public final class PermissionNotFoundException extends HexclaveApiException {

    private static final long serialVersionUID = 1L;

    public PermissionNotFoundException(String code, int status, String requestId, JsonNode details, String serverMessage) {
        super(code, status, requestId, details, serverMessage);
    }
}
