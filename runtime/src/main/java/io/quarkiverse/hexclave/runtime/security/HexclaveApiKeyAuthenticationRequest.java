package io.quarkiverse.hexclave.runtime.security;

import java.util.Objects;

import io.quarkiverse.hexclave.apikey.PresentedApiKey;
import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/**
 * A request that carries a Hexclave API key, found by {@link HexclaveAuthMechanism} and authenticated by
 * {@link HexclaveApiKeyIdentityProvider}. Other identity providers ignore it.
 */
public final class HexclaveApiKeyAuthenticationRequest extends BaseAuthenticationRequest {

    private final PresentedApiKey key;

    public HexclaveApiKeyAuthenticationRequest(PresentedApiKey key) {
        this.key = Objects.requireNonNull(key, "key");
    }

    /** The presented key (its value never printed). */
    public PresentedApiKey key() {
        return key;
    }

    @Override
    public String toString() {
        return "HexclaveApiKeyAuthenticationRequest[" + key + "]";
    }
}
