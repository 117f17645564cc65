package io.quarkiverse.hexclave.runtime.internal;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;

import io.quarkiverse.hexclave.apikey.HexclaveApiKeyPrincipal;
import io.quarkiverse.hexclave.cdi.CurrentHexclaveUser;
import io.quarkiverse.hexclave.cdi.HexclaveUser;
import io.quarkiverse.hexclave.verifier.HexclavePrincipal;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Produces {@code @HexclaveUser HexclavePrincipal} and {@code @HexclaveUser CurrentHexclaveUser} from the current
 * {@link SecurityIdentity}: {@code null} when the request was not authenticated by Hexclave. A user API key's caller
 * has a {@code CurrentHexclaveUser} (its user, no token) but no {@code HexclavePrincipal}.
 * <p>
 * Both are {@code @Dependent} (the core's types are final and cannot be proxied): the build fails when they are
 * injected into a bean that outlives the request (see the deployment's injection check).
 */
@RequestScoped
public class HexclaveUserProducer {

    @Inject
    SecurityIdentity identity;

    @Inject
    CurrentUsers currentUsers;

    private CurrentHexclaveUser currentUser;

    @Produces
    @Dependent
    @HexclaveUser
    HexclavePrincipal principal() {
        return identity.getPrincipal() instanceof HexclavePrincipal p ? p : null;
    }

    /** One {@link CurrentHexclaveUser} per request, so its profile is loaded at most once per request. */
    @Produces
    @Dependent
    @HexclaveUser
    CurrentHexclaveUser currentUser() {
        if (currentUser == null && identity.getPrincipal() instanceof HexclavePrincipal p) {
            currentUser = currentUsers.of(p);
        } else if (currentUser == null && identity.getPrincipal() instanceof HexclaveApiKeyPrincipal key
                && key.userId() != null) {
            currentUser = currentUsers.of(key); // a user API key acts as its user
        }
        return currentUser;
    }
}
