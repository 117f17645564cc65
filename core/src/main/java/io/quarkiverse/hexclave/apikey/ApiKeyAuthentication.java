package io.quarkiverse.hexclave.apikey;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

import io.quarkiverse.hexclave.client.HexclaveClient;
import io.quarkiverse.hexclave.config.HexclaveSettings;
import io.quarkiverse.hexclave.credential.RequestView;

/**
 * An adapter's API-key authentication: the finder and the verifier of its {@link ApiKeySettings}, or nothing when it
 * is off (disabled, or no secret server key to check keys with).
 */
public final class ApiKeyAuthentication {

    private final ApiKeyCredentials credentials;
    private final ApiKeyVerifier verifier;

    private ApiKeyAuthentication(ApiKeyCredentials credentials, ApiKeyVerifier verifier) {
        this.credentials = credentials;
        this.verifier = verifier;
    }

    /** Off: no request is looked at for a key. */
    public static ApiKeyAuthentication off() {
        return new ApiKeyAuthentication(null, null);
    }

    /**
     * What {@code keys} ask for, checking keys through {@code client}; off when they are disabled or {@code settings}
     * hold no secret server key.
     */
    public static ApiKeyAuthentication of(ApiKeySettings keys, HexclaveSettings settings, HexclaveClient client) {
        Objects.requireNonNull(client, "client");
        return of(keys, settings, () -> client);
    }

    /**
     * As {@link #of(ApiKeySettings, HexclaveSettings, HexclaveClient)}, asking {@code client} for the client only when
     * keys are on (so that an application without API keys never builds one for them).
     */
    public static ApiKeyAuthentication of(ApiKeySettings keys, HexclaveSettings settings,
            Supplier<HexclaveClient> client) {
        if (!keys.enabled() || settings.secretServerKey().isEmpty()) {
            return off();
        }
        return new ApiKeyAuthentication(keys.credentials(), new ApiKeyVerifier(client.get(), keys));
    }

    /** Whether requests are looked at for keys. */
    public boolean enabled() {
        return credentials != null;
    }

    /** The key of {@code request}, if keys are authenticated and it carries one. */
    public Optional<PresentedApiKey> find(RequestView request) {
        return credentials == null ? Optional.empty() : credentials.find(request);
    }

    /** The verifier; only asked about a key {@link #find} returned. */
    public ApiKeyVerifier verifier() {
        if (verifier == null) {
            throw new IllegalStateException("API keys are not authenticated");
        }
        return verifier;
    }

    @Override
    public String toString() {
        return "ApiKeyAuthentication[" + (credentials == null ? "off" : credentials) + "]";
    }
}
