package io.quarkiverse.hexclave.jakarta;

import java.util.Objects;

import jakarta.security.enterprise.CallerPrincipal;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;

import io.quarkiverse.hexclave.apikey.HexclaveApiKeyPrincipal;

/**
 * The caller of a {@link CredentialValidationResult} for a request authenticated by a Hexclave API key, as identity
 * stores see it (the result only takes a {@link CallerPrincipal}). Its name is the key owner's id (user or team); an
 * application's group-providing store reaches the key's caller through {@link #apiKeyPrincipal()}. The container
 * itself is told the {@link HexclaveApiKeyPrincipal}.
 */
public final class HexclaveApiKeyCallerPrincipal extends CallerPrincipal {

    private static final long serialVersionUID = 1L;

    private final transient HexclaveApiKeyPrincipal principal;

    /** @param principal the caller of the accepted key */
    public HexclaveApiKeyCallerPrincipal(HexclaveApiKeyPrincipal principal) {
        super(Objects.requireNonNull(principal, "principal").getName());
        this.principal = principal;
    }

    /** The caller of the accepted key. */
    public HexclaveApiKeyPrincipal apiKeyPrincipal() {
        return principal;
    }

    @Override
    public String toString() {
        return "HexclaveApiKeyCallerPrincipal[" + principal + "]";
    }
}
