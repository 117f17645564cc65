package io.quarkiverse.hexclave.client.model;

import java.time.Instant;
import java.util.Objects;

import io.quarkiverse.hexclave.config.Secret;

/**
 * A started CLI login ({@code POST /auth/cli}, wire reference §9.5).
 *
 * @param pollingCode secret: whoever holds it receives the refresh token
 * @param loginCode shown to the human in the confirmation URL
 * @param expiresAt when the attempt expires, if Hexclave said
 */
public record CliLoginAttempt(Secret pollingCode, String loginCode, Instant expiresAt) {
    public CliLoginAttempt {
        Objects.requireNonNull(pollingCode, "pollingCode");
        Objects.requireNonNull(loginCode, "loginCode");
    }
}
