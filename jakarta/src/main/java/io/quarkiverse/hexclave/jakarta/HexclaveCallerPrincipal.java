package io.quarkiverse.hexclave.jakarta;

import java.util.Objects;

import jakarta.security.enterprise.CallerPrincipal;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;

import io.quarkiverse.hexclave.verifier.HexclavePrincipal;

/**
 * The caller of a {@link CredentialValidationResult} for a Hexclave user, as Jakarta Security's identity stores see it
 * (the result only takes a {@link CallerPrincipal}). Its name is the user id. An application's group-providing
 * {@link IdentityStore} reaches the token's claims through {@link #hexclavePrincipal()}:
 * <pre>{@code
 * public Set<String> getCallerGroups(CredentialValidationResult result) {
 *     if (result.getCallerPrincipal() instanceof HexclaveCallerPrincipal caller) {
 *         return groupsOf(caller.hexclavePrincipal().userId());
 *     }
 *     return Set.of();
 * }
 * }</pre>
 * The container itself is told the {@link HexclavePrincipal}, as before.
 */
public final class HexclaveCallerPrincipal extends CallerPrincipal {

    private static final long serialVersionUID = 1L;

    private final transient HexclavePrincipal principal;

    /** @param principal the verified Hexclave principal */
    public HexclaveCallerPrincipal(HexclavePrincipal principal) {
        super(Objects.requireNonNull(principal, "principal").userId());
        this.principal = principal;
    }

    /** The verified Hexclave principal (claims of the access token). */
    public HexclavePrincipal hexclavePrincipal() {
        return principal;
    }

    @Override
    public String toString() {
        return "HexclaveCallerPrincipal[" + principal + "]";
    }
}
