package io.quarkiverse.hexclave.verifier;

/**
 * Hexclave's signing keys could not be obtained (the JWKS endpoint is down, slow, or answered garbage) and no
 * earlier keys are at hand. Not the caller's fault: adapters answer 503, never 401, and never let the request in.
 */
public class KeysUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public KeysUnavailableException(String message) {
        super(message);
    }

    public KeysUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
