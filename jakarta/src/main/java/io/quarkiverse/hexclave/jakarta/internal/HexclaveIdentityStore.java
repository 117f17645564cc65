package io.quarkiverse.hexclave.jakarta.internal;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;

import io.quarkiverse.hexclave.jakarta.HexclaveApiKeyCallerPrincipal;
import io.quarkiverse.hexclave.jakarta.HexclaveApiKeyCredential;
import io.quarkiverse.hexclave.jakarta.HexclaveCallerPrincipal;
import io.quarkiverse.hexclave.jakarta.HexclaveTokenCredential;

/**
 * Hexclave's identity store ({@code VALIDATE} and {@code PROVIDE_GROUPS}): a {@link HexclaveTokenCredential} is valid,
 * its caller a {@link HexclaveCallerPrincipal} of the verified principal, its groups those of the credential
 * ({@code authenticated}, plus {@code restricted} / {@code anonymous}; without {@code authenticated} where only an
 * endpoint grant admits the user); likewise a {@link HexclaveApiKeyCredential}, whose caller is the key's
 * {@link HexclaveApiKeyCallerPrincipal}. Any other credential is not Hexclave's to judge ({@code NOT_VALIDATED}), so an
 * application's own stores (a database or LDAP store for FORM logins, say) keep working beside it.
 */
@ApplicationScoped
public class HexclaveIdentityStore implements IdentityStore {

    /** Before the usual application stores (100), so a Hexclave credential is settled by Hexclave first. */
    static final int PRIORITY = 50;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (credential instanceof HexclaveTokenCredential hexclave) {
            return new CredentialValidationResult(new HexclaveCallerPrincipal(hexclave.principal()),
                    Set.copyOf(hexclave.groups()));
        }
        if (credential instanceof HexclaveApiKeyCredential key) {
            return new CredentialValidationResult(new HexclaveApiKeyCallerPrincipal(key.principal()), key.groups());
        }
        return CredentialValidationResult.NOT_VALIDATED_RESULT;
    }

    @Override
    public int priority() {
        return PRIORITY;
    }
}
