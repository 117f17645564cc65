package io.quarkiverse.hexclave.client.error;

/**
 * Hexclave could not be reached, or did not answer in time ({@link #timeout()}). Idempotent calls were retried
 * before this was thrown; {@code POST} and {@code PATCH} calls never are, so after one of those the call may or may
 * not have taken effect.
 */
public final class HexclaveConnectionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final boolean timeout;

    public HexclaveConnectionException(String message, boolean timeout, Throwable cause) {
        super(message, cause);
        this.timeout = timeout;
    }

    /** Whether the connect or read timeout ran out (as opposed to a refused or reset connection). */
    public boolean timeout() {
        return timeout;
    }
}
