package io.quarkiverse.hexclave.client.model;

import java.util.Objects;
import java.util.Optional;

import io.quarkiverse.hexclave.config.Secret;

/**
 * One answer of {@code POST /auth/cli/poll} (wire reference §9.5).
 *
 * @param status waiting, success, expired or used
 * @param refreshToken present exactly when {@code status} is {@link Status#SUCCESS}
 */
public record CliPollResult(Status status, Optional<Secret> refreshToken) {

    /** The poll states. */
    public enum Status {
        /** Nobody confirmed yet: poll again. */
        WAITING,
        /** Confirmed: here is the refresh token (handed out once). */
        SUCCESS,
        /** The attempt expired. */
        EXPIRED,
        /** The refresh token was already handed out. */
        USED
    }

    public CliPollResult {
        Objects.requireNonNull(status, "status");
        refreshToken = refreshToken == null ? Optional.empty() : refreshToken;
        if ((status == Status.SUCCESS) != refreshToken.isPresent()) {
            throw new IllegalArgumentException("a refresh token comes with SUCCESS and only with it");
        }
    }
}
