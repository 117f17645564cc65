package io.quarkiverse.hexclave.runtime.security;

import java.util.Objects;

import io.quarkiverse.hexclave.credential.CredentialSource;
import io.quarkiverse.hexclave.credential.HexclaveCredential;
import io.quarkus.security.credential.TokenCredential;

/**
 * A Hexclave access token found by {@link HexclaveAuthMechanism}. Its own type, so that other identity providers
 * (smallrye-jwt, OIDC) decline it and {@link HexclaveIdentityProvider} declines theirs.
 * <p>
 * It is kept on the {@code SecurityIdentity} ({@code identity.getCredential(HexclaveTokenCredential.class)}), with
 * the refresh token the frontend sent, if any. {@link #toString()} prints neither.
 */
public final class HexclaveTokenCredential extends TokenCredential {

    /** The {@link TokenCredential#getType()} of Hexclave credentials. */
    public static final String TYPE = "hexclave";

    private final HexclaveCredential credential;

    public HexclaveTokenCredential(HexclaveCredential credential) {
        super(credential.accessToken().orElseThrow(() -> new IllegalArgumentException("no access token")).value(),
                TYPE);
        this.credential = Objects.requireNonNull(credential, "credential");
    }

    /** Where the token was found in the request. */
    public CredentialSource source() {
        return credential.source();
    }

    /** The credential as found, with the refresh token (a {@code Secret}) if the frontend sent one. */
    public HexclaveCredential credential() {
        return credential;
    }

    @Override
    public String toString() {
        return "HexclaveTokenCredential[source=" + credential.source() + "]";
    }
}
