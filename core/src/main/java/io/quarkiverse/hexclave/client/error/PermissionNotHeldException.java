package io.quarkiverse.hexclave.client.error;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The user does not hold a permission: {@code TEAM_PERMISSION_REQUIRED}, {@code TEAM_PERMISSION_NOT_FOUND} (e.g.
 * revoking a team permission the member does not hold) or {@code PROJECT_PERMISSION_REQUIRED}, all 401, with
 * {@code user_id}, {@code permission_id} (and {@code team_id}) in {@link #details()}.
 */
public final class PermissionNotHeldException extends HexclaveApiException {

    private static final long serialVersionUID = 1L;

    public PermissionNotHeldException(String code, int status, String requestId, JsonNode details, String serverMessage) {
        super(code, status, requestId, details, serverMessage);
    }
}
