package io.quarkiverse.hexclave.client.model;

import java.util.Objects;

/**
 * A new anonymous user and their first session ({@code POST /auth/anonymous/sign-up}). The tokens are
 * {@link io.quarkiverse.hexclave.config.Secret}s, so printing this shows no token.
 */
public record AnonymousSignUp(String userId, SessionTokens tokens) {
    public AnonymousSignUp {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(tokens, "tokens");
    }
}
