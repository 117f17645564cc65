package io.quarkiverse.hexclave.runtime.internal;

import io.quarkiverse.hexclave.apikey.HexclaveApiKeyPrincipal;
import io.quarkiverse.hexclave.cdi.CurrentHexclaveUser;
import io.quarkiverse.hexclave.cdi.UserProfileCache;
import io.quarkiverse.hexclave.client.HexclaveClient;
import io.quarkiverse.hexclave.verifier.HexclavePrincipal;

/**
 * Makes the {@link CurrentHexclaveUser} of a request: the verified claims at once, the profile on first use through
 * the client, shared across requests only through the optional TTL cache.
 *
 * @param client the server-side client
 * @param profileCache the profile cache, or {@code null} when {@code quarkus.hexclave.user-profile.cache-ttl} is 0
 */
public record CurrentUsers(HexclaveClient client, UserProfileCache profileCache) {

    public CurrentHexclaveUser of(HexclavePrincipal principal) {
        return CurrentHexclaveUser.of(principal, client, profileCache);
    }

    /** The user of a user API key (no token). */
    public CurrentHexclaveUser of(HexclaveApiKeyPrincipal keyCaller) {
        return CurrentHexclaveUser.of(keyCaller, client, profileCache);
    }
}
