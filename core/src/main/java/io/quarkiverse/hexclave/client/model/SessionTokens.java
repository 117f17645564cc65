package io.quarkiverse.hexclave.client.model;

import java.util.Objects;

import io.quarkiverse.hexclave.config.Secret;

/**
 * The tokens of a new session (wire reference §6.1). Both are {@link Secret}s, so printing this shows no token.
 *
 * @param refreshToken long-lived; exchange it for access tokens with {@code sessions().refresh(..)}
 * @param accessToken a short-lived JWT
 */
public record SessionTokens(Secret refreshToken, Secret accessToken) {
    public SessionTokens {
        Objects.requireNonNull(refreshToken, "refreshToken");
        Objects.requireNonNull(accessToken, "accessToken");
    }
}
