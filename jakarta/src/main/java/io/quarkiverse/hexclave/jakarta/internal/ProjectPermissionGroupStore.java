package io.quarkiverse.hexclave.jakarta.internal;

import java.util.Set;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;

import io.quarkiverse.hexclave.jakarta.HexclaveApiKeyCallerPrincipal;
import io.quarkiverse.hexclave.jakarta.HexclaveCallerPrincipal;

/**
 * Hexclave's group-providing identity store ({@code PROVIDE_GROUPS} only): a Hexclave user's project permissions
 * (recursive) are groups, so {@code @RolesAllowed("admin")} passes for a user holding the project permission
 * {@code admin}. Asked at every Hexclave login, answered from {@link UserAuthorizationCache} (one Hexclave call per
 * user per {@code hexclave.authorization.cache-ttl}); off with {@code hexclave.authorization.enabled=false} or without
 * a secret server key. Callers of other mechanisms get nothing from it.
 */
@ApplicationScoped
public class ProjectPermissionGroupStore implements IdentityStore {

    private Function<String, Set<String>> permissionsOfUser;

    /** For CDI. */
    public ProjectPermissionGroupStore() {
    }

    /** @param permissionsOfUser a user's project permission ids, by user id (tests) */
    public ProjectPermissionGroupStore(Function<String, Set<String>> permissionsOfUser) {
        this.permissionsOfUser = permissionsOfUser;
    }

    @Inject
    void wire(HexclaveComponents components) {
        this.permissionsOfUser = userId -> components.authorizationSettings().groupsFromPermissions()
                ? components.authorization().projectPermissions(userId)
                : Set.of();
    }

    @Override
    public Set<String> getCallerGroups(CredentialValidationResult result) {
        if (result.getCallerPrincipal() instanceof HexclaveCallerPrincipal caller) {
            return permissionsOfUser.apply(caller.hexclavePrincipal().userId());
        }
        if (result.getCallerPrincipal() instanceof HexclaveApiKeyCallerPrincipal key
                && key.apiKeyPrincipal().userId() != null) {
            return permissionsOfUser.apply(key.apiKeyPrincipal().userId()); // a user API key acts as its user
        }
        return Set.of();
    }

    @Override
    public Set<ValidationType> validationTypes() {
        return Set.of(ValidationType.PROVIDE_GROUPS);
    }
}
