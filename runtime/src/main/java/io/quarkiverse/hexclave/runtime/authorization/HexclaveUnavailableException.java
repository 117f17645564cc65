package io.quarkiverse.hexclave.runtime.authorization;

/**
 * An authorization check needed Hexclave (permissions are not in the token) and Hexclave could not answer. Answered
 * with {@code quarkus.hexclave.keys-unavailable-status} (503) by {@link HexclaveUnavailableMapper}: the check neither
 * passes nor fails with a 500. Carries no user data.
 */
public final class HexclaveUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    HexclaveUnavailableException(Throwable cause) {
        super("Hexclave is unavailable: the permissions this check needs cannot be loaded", cause, false, false);
    }
}
