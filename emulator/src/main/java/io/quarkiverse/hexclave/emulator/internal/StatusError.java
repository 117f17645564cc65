package io.quarkiverse.hexclave.emulator.internal;

/** A plain status error: answered as {@code text/plain} with the message as body and no known-error header. */
public final class StatusError extends RuntimeException {

    private final int status;

    public StatusError(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
