package io.quarkiverse.hexclave.jakarta;

import static jakarta.security.enterprise.identitystore.IdentityStore.ValidationType.PROVIDE_GROUPS;
import static jakarta.security.enterprise.identitystore.IdentityStore.ValidationType.VALIDATE;

import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;

/**
 * The identity store handler algorithm of Jakarta Security 3.0 (§3.2.3), as the servers implement it: validating
 * stores in priority order until one says VALID (its groups count only if it also provides groups), then the groups
 * of every store that only provides groups.
 */
final class SpecIdentityStoreHandler implements IdentityStoreHandler {

    private final List<IdentityStore> stores;

    SpecIdentityStoreHandler(IdentityStore... stores) {
        this.stores = List.of(stores).stream().sorted(Comparator.comparingInt(IdentityStore::priority)).toList();
    }

    @Override
    public CredentialValidationResult validate(Credential credential) {
        boolean invalid = false;
        for (IdentityStore store : stores) {
            if (!store.validationTypes().contains(VALIDATE)) {
                continue;
            }
            CredentialValidationResult result = store.validate(credential);
            if (result.getStatus() == CredentialValidationResult.Status.VALID) {
                Set<String> groups = new HashSet<>();
                if (store.validationTypes().contains(PROVIDE_GROUPS)) {
                    groups.addAll(result.getCallerGroups());
                }
                for (IdentityStore provider : stores) {
                    if (provider.validationTypes().equals(Set.of(PROVIDE_GROUPS))) {
                        groups.addAll(provider.getCallerGroups(result));
                    }
                }
                return new CredentialValidationResult(result.getCallerPrincipal(), groups);
            }
            invalid |= result.getStatus() == CredentialValidationResult.Status.INVALID;
        }
        return invalid ? CredentialValidationResult.INVALID_RESULT : CredentialValidationResult.NOT_VALIDATED_RESULT;
    }
}
