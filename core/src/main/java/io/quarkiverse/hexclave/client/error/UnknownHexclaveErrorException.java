package io.quarkiverse.hexclave.client.error;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An error the client has no type for: a Hexclave error code it does not know (new codes appear regularly), a
 * plain-text error (e.g. {@code 404 Session not found.}), a 5xx, or a body that is not what the endpoint documents
 * (from Hexclave or a proxy in front of it). {@link #code()} is {@code null} when the response had none;
 * {@link #serverMessage()} holds a bounded excerpt of the body, with anything that looks like a JWT removed.
 */
public final class UnknownHexclaveErrorException extends HexclaveApiException {

    private static final long serialVersionUID = 1L;

    public UnknownHexclaveErrorException(String code, int status, String requestId, JsonNode details, String serverMessage) {
        super(code, status, requestId, details, serverMessage);
    }
}
