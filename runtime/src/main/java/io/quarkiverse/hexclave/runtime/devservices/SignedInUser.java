package io.quarkiverse.hexclave.runtime.devservices;

import java.util.Objects;
import java.util.Optional;

import io.quarkiverse.hexclave.config.Secret;
import io.quarkiverse.hexclave.verifier.UserClass;

/**
 * A user of the emulator with a freshly minted access token of a new session. The token is a {@link Secret}, so
 * printing this shows no token.
 *
 * @param userId the user id, the token's {@code sub}
 * @param email the primary e-mail, if any (anonymous users have none)
 * @param displayName the display name, if any
 * @param userClass the class the token was minted for
 * @param accessToken the access token (a JWT)
 */
public record SignedInUser(String userId, Optional<String> email, Optional<String> displayName, UserClass userClass,
        Secret accessToken) {

    public SignedInUser {
        Objects.requireNonNull(userId, "userId");
        email = Objects.requireNonNullElse(email, Optional.empty());
        displayName = Objects.requireNonNullElse(displayName, Optional.empty());
        Objects.requireNonNull(userClass, "userClass");
        Objects.requireNonNull(accessToken, "accessToken");
    }

    /** The raw access token, for an {@code Authorization: Bearer} header. */
    public String token() {
        return accessToken.value();
    }

    /** The value of an {@code Authorization} header carrying the token: {@code Bearer <token>}. */
    public String authorizationHeader() {
        return "Bearer " + accessToken.value();
    }
}
