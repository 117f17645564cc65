package io.quarkiverse.hexclave.jakarta;

import java.util.Objects;

import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.IdentityStore;

import io.quarkiverse.hexclave.verifier.HexclavePrincipal;

/**
 * The credential {@link HexclaveHttpAuthenticationMechanism} hands to Jakarta Security's identity stores: a Hexclave
 * access token the mechanism has already verified, carried as its {@link HexclavePrincipal} (never the raw token).
 * <p>
 * The mechanism verifies the token itself, because only the typed outcome of the verification can tell a rejected
 * token (401 with its reason) from Hexclave being unreachable (503); identity stores only answer valid or invalid.
 * Hexclave's own identity store validates this credential; an application's {@link IdentityStore} with
 * {@code VALIDATE} may recognise it too ({@code CredentialValidationResult validate(HexclaveTokenCredential c)}), and
 * every store with only {@code PROVIDE_GROUPS} is asked for groups of the validated caller.
 */
public final class HexclaveTokenCredential implements Credential {

    private final HexclavePrincipal principal;

    /** @param principal the verified principal */
    public HexclaveTokenCredential(HexclavePrincipal principal) {
        this.principal = Objects.requireNonNull(principal, "principal");
    }

    /** The verified principal. */
    public HexclavePrincipal principal() {
        return principal;
    }

    /** Always {@code true}: only verified tokens become this credential. */
    @Override
    public boolean isValid() {
        return true;
    }

    @Override
    public String toString() {
        return "HexclaveTokenCredential[" + principal + "]";
    }
}
