package io.quarkiverse.hexclave.cli;

import java.util.Objects;
import java.util.Optional;

import io.quarkiverse.hexclave.config.Secret;

/**
 * How a CLI login ended.
 *
 * @param status the outcome
 * @param refreshToken the refresh token, present exactly on {@link Status#SUCCESS}
 */
public record CliLoginResult(Status status, Optional<Secret> refreshToken) {

    /** Outcomes of {@link HexclaveCliLogin#run()}. */
    public enum Status {
        /** The human confirmed: the refresh token is here. */
        SUCCESS,
        /** Hexclave says the attempt expired before anyone confirmed. */
        EXPIRED,
        /** Hexclave says the refresh token was already handed out (to someone else polling the same code). */
        USED,
        /** {@link HexclaveCliLogin#cancel()} was called, or the polling thread was interrupted. */
        CANCELLED,
        /** Our own deadline passed while Hexclave still said "waiting". */
        TIMED_OUT
    }

    public CliLoginResult {
        Objects.requireNonNull(status, "status");
        refreshToken = refreshToken == null ? Optional.empty() : refreshToken;
        if ((status == Status.SUCCESS) != refreshToken.isPresent()) {
            throw new IllegalArgumentException("a refresh token comes with SUCCESS and only with it");
        }
    }

    static CliLoginResult of(Status status) {
        return new CliLoginResult(status, Optional.empty());
    }

    /** Whether the login succeeded. */
    public boolean succeeded() {
        return status == Status.SUCCESS;
    }
}
