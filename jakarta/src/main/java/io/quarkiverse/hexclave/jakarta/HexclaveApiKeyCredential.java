package io.quarkiverse.hexclave.jakarta;

import java.util.Objects;
import java.util.Set;

import jakarta.security.enterprise.credential.Credential;

import io.quarkiverse.hexclave.apikey.HexclaveApiKeyPrincipal;

/**
 * The credential {@link HexclaveHttpAuthenticationMechanism} hands to Jakarta Security's identity stores for a
 * request that carried a Hexclave API key Hexclave accepted: its caller, a {@link HexclaveApiKeyPrincipal} (never the
 * key). Hexclave's identity store validates it; stores with {@code PROVIDE_GROUPS} add groups (for a user key, the
 * user's project permissions).
 */
public final class HexclaveApiKeyCredential implements Credential {

    private final HexclaveApiKeyPrincipal principal;

    /** @param principal the caller of the accepted key */
    public HexclaveApiKeyCredential(HexclaveApiKeyPrincipal principal) {
        this.principal = Objects.requireNonNull(principal, "principal");
    }

    /** The caller of the accepted key. */
    public HexclaveApiKeyPrincipal principal() {
        return principal;
    }

    /**
     * The groups Hexclave gives the caller: {@code authenticated} and {@code hexclave-api-key} for a user key,
     * {@code team} and {@code hexclave-api-key} for a team key.
     */
    public Set<String> groups() {
        return principal.getGroups();
    }

    /** Always {@code true}: only accepted keys become this credential. */
    @Override
    public boolean isValid() {
        return true;
    }

    @Override
    public String toString() {
        return "HexclaveApiKeyCredential[" + principal + "]";
    }
}
