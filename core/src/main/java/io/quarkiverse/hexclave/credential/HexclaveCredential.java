package io.quarkiverse.hexclave.credential;

import java.util.Objects;
import java.util.Optional;

import io.quarkiverse.hexclave.config.Secret;

/**
 * A Hexclave credential found in a request: an access token (the JWT to verify) and, when the frontend sent one,
 * the session's refresh token. Both are {@link Secret}s, so this record prints nothing sensitive.
 * <p>
 * The refresh token is kept for callers that refresh an expired access token or sign the session out; the
 * verifier never looks at it, and nothing logs it.
 *
 * @param source where it was found
 * @param accessToken the access token, absent when the frontend sent only a refresh token
 * @param refreshToken the refresh token, if sent
 */
public record HexclaveCredential(CredentialSource source, Optional<Secret> accessToken, Optional<Secret> refreshToken) {

    public HexclaveCredential {
        Objects.requireNonNull(source, "source");
        accessToken = Objects.requireNonNullElse(accessToken, Optional.empty());
        refreshToken = Objects.requireNonNullElse(refreshToken, Optional.empty());
    }

    /** A credential holding only an access token. */
    public static HexclaveCredential ofAccessToken(CredentialSource source, String accessToken) {
        return new HexclaveCredential(source, Optional.ofNullable(Secret.ofNullable(accessToken)), Optional.empty());
    }

    @Override
    public String toString() {
        return "HexclaveCredential[source=" + source + ", accessToken=" + (accessToken.isPresent() ? "****" : "none")
                + ", refreshToken=" + (refreshToken.isPresent() ? "****" : "none") + "]";
    }
}
