package io.quarkiverse.hexclave.it.jakarta;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;

import io.quarkiverse.hexclave.jakarta.HexclaveCallerPrincipal;

/**
 * The application's own identity store, providing groups only: a Hexclave user with a primary e-mail address is a
 * {@code customer}. Proves that Jakarta Security consults application stores for Hexclave logins.
 */
@ApplicationScoped
public class CustomerGroupStore implements IdentityStore {

    @Override
    public Set<String> getCallerGroups(CredentialValidationResult result) {
        if (result.getCallerPrincipal() instanceof HexclaveCallerPrincipal caller
                && caller.hexclavePrincipal().email().isPresent()) {
            return Set.of("customer");
        }
        return Set.of();
    }

    @Override
    public Set<ValidationType> validationTypes() {
        return Set.of(ValidationType.PROVIDE_GROUPS);
    }
}
