package io.quarkiverse.hexclave.runtime.internal;

import java.util.function.Supplier;

import io.quarkiverse.hexclave.apikey.HexclaveApiKeyPrincipal;
import io.quarkiverse.hexclave.cdi.CurrentHexclaveUser;
import io.quarkiverse.hexclave.cdi.UserProfileCache;
import io.quarkiverse.hexclave.client.HexclaveClient;
import io.quarkiverse.hexclave.verifier.HexclavePrincipal;

/**
 * Makes the {@link CurrentHexclaveUser} of a request: the verified claims at once, the profile on first use through
 * the client, shared across requests only through the optional TTL cache.
 *
 * @param client the server-side client, asked for at the first request that makes a user (the application's one client,
 *        built on first use)
 * @param profileCache the profile cache, or {@code null} when {@code quarkus.hexclave.user-profile.cache-ttl} is 0
 */
public record CurrentUsers(Supplier<HexclaveClient> client, UserProfileCache profileCache) {

    public CurrentHexclaveUser of(HexclavePrincipal principal) {
        return CurrentHexclaveUser.of(principal, client.get(), profileCache);
    }

    /** The user of a user API key (no token). */
    public CurrentHexclaveUser of(HexclaveApiKeyPrincipal keyCaller) {
        return CurrentHexclaveUser.of(keyCaller, client.get(), profileCache);
    }
}
