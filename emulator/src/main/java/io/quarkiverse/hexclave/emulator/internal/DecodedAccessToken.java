package io.quarkiverse.hexclave.emulator.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkiverse.hexclave.emulator.UserClass;

/** An access token that passed the backend's checks: the user id, session id, class and all claims. */
public record DecodedAccessToken(String userId, String sessionId, UserClass userClass, ObjectNode claims) {
    @Override
    public String toString() {
        return "DecodedAccessToken[userId=" + userId + ", sessionId=" + sessionId + ", userClass=" + userClass + "]";
    }
}
