package io.quarkiverse.hexclave.client;

import java.net.URI;
import java.util.Objects;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkiverse.hexclave.config.Secret;

/**
 * What the calls around codes Hexclave e-mails share (contact-channel verification, team invitations): the callback
 * URL the e-mailed link is built from, the {@code {"code": …}} body, and the {@code is_code_valid} answer.
 */
final class EmailedCodes {

    private EmailedCodes() {
    }

    /** {@code {"code": …}}; the code is a secret and appears nowhere else. */
    static ObjectNode body(Secret code) {
        return Json.MAPPER.createObjectNode().put("code", Objects.requireNonNull(code, "code").value());
    }

    /** The callback URL as sent: absolute http(s), or an {@code IllegalArgumentException}. */
    static String callbackUrl(URI callbackUrl) {
        Objects.requireNonNull(callbackUrl, "callbackUrl");
        if (!callbackUrl.isAbsolute() || !("http".equals(callbackUrl.getScheme()) || "https".equals(callbackUrl.getScheme()))) {
            throw new IllegalArgumentException("callbackUrl must be an absolute http(s) URL");
        }
        return callbackUrl.toString();
    }

    /** The {@code is_code_valid} of a check-code answer. */
    static boolean isValid(HexclaveResponse r) {
        JsonNode valid = Json.tree(r).get("is_code_valid");
        if (valid == null || !valid.isBoolean()) {
            throw HexclaveErrors.unexpectedBody(r);
        }
        return valid.asBoolean();
    }
}
