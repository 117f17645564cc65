package io.quarkiverse.hexclave.credential;

import java.util.Objects;
import java.util.Optional;

import io.quarkiverse.hexclave.config.Secret;
import io.quarkiverse.hexclave.verifier.AccessToken;

/**
 * A Hexclave credential found in a request: an access token (the JWT to verify) and, when the frontend sent one, the
 * session's refresh token. Both are {@link Secret}s, so this object prints nothing sensitive.
 * <p>
 * The access token is decoded at most once per credential ({@link #token()}), however many layers look at it. The
 * refresh token is kept for callers that refresh an expired access token or sign the session out; the verifier never
 * looks at it, and nothing logs it. Belongs to one request.
 */
public final class HexclaveCredential {

    private final CredentialSource source;
    private final Optional<Secret> accessToken;
    private final Optional<Secret> refreshToken;
    private AccessToken token;

    /**
     * @param source where it was found
     * @param accessToken the access token, absent when the frontend sent only a refresh token
     * @param refreshToken the refresh token, if sent
     */
    public HexclaveCredential(CredentialSource source, Optional<Secret> accessToken, Optional<Secret> refreshToken) {
        this.source = Objects.requireNonNull(source, "source");
        this.accessToken = Objects.requireNonNullElse(accessToken, Optional.empty());
        this.refreshToken = Objects.requireNonNullElse(refreshToken, Optional.empty());
    }

    /** A raw access token, already measured by {@link HexclaveCredentials}. */
    HexclaveCredential(CredentialSource source, AccessToken token) {
        this(source, Optional.of(new Secret(token.raw())), Optional.empty());
        this.token = token;
    }

    /** A credential holding only an access token. */
    public static HexclaveCredential ofAccessToken(CredentialSource source, String accessToken) {
        return new HexclaveCredential(source, Optional.ofNullable(Secret.ofNullable(accessToken)), Optional.empty());
    }

    /** Where it was found. */
    public CredentialSource source() {
        return source;
    }

    /** The access token, absent when the frontend sent only a refresh token. */
    public Optional<Secret> accessToken() {
        return accessToken;
    }

    /** The refresh token, if sent. */
    public Optional<Secret> refreshToken() {
        return refreshToken;
    }

    /**
     * The access token, decoded once for every layer that reads it; without one, a token whose
     * {@link AccessToken#malformation()} is {@code MISSING}.
     */
    public AccessToken token() {
        AccessToken t = token;
        if (t == null) {
            t = AccessToken.of(accessToken.map(Secret::value).orElse(null));
            token = t;
        }
        return t;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HexclaveCredential c && c.source == source && c.accessToken.equals(accessToken)
                && c.refreshToken.equals(refreshToken);
    }

    @Override
    public int hashCode() {
        return Objects.hash(source, accessToken, refreshToken);
    }

    @Override
    public String toString() {
        return "HexclaveCredential[source=" + source + ", accessToken=" + (accessToken.isPresent() ? "****" : "none")
                + ", refreshToken=" + (refreshToken.isPresent() ? "****" : "none") + "]";
    }
}
