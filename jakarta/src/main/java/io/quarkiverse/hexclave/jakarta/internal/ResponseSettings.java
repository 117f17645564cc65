package io.quarkiverse.hexclave.jakarta.internal;

import java.util.Optional;

import io.quarkiverse.hexclave.config.ConfigLookup;
import io.quarkiverse.hexclave.config.HexclaveConfigException;
import io.quarkiverse.hexclave.config.HexclaveSettings;
import io.quarkiverse.hexclave.verifier.Challenge;

/**
 * The keys of the HTTP answers of the Jakarta adapter, named and defaulted as the Quarkus extension's
 * ({@code quarkus.hexclave.keys-unavailable-status}, {@code quarkus.hexclave.cache-control.*}) without the
 * {@code quarkus.} prefix.
 *
 * @param keysUnavailableStatus the status answered when Hexclave's signing keys (or Hexclave itself) cannot be had
 *        ({@code hexclave.keys-unavailable-status}, a 5xx status, default 503)
 * @param cacheControl the {@code Cache-Control} value given to responses to requests authenticated by Hexclave, or
 *        empty for none ({@code hexclave.cache-control.enabled}, default {@code true}; {@code hexclave.cache-control.value},
 *        default {@code private, no-store})
 */
public record ResponseSettings(int keysUnavailableStatus, Optional<String> cacheControl) {

    static final String KEYS_UNAVAILABLE_STATUS = "keys-unavailable-status";
    static final String CACHE_CONTROL_ENABLED = "cache-control.enabled";
    static final String CACHE_CONTROL_VALUE = "cache-control.value";

    static final int DEFAULT_KEYS_UNAVAILABLE_STATUS = Challenge.SERVICE_UNAVAILABLE;
    static final String DEFAULT_CACHE_CONTROL = "private, no-store";

    /** The defaults: 503, {@code private, no-store}. */
    static final ResponseSettings DEFAULTS = new ResponseSettings(DEFAULT_KEYS_UNAVAILABLE_STATUS,
            Optional.of(DEFAULT_CACHE_CONTROL));

    public ResponseSettings {
        if (keysUnavailableStatus < 500 || keysUnavailableStatus > 599) {
            throw new HexclaveConfigException(KEYS_UNAVAILABLE_STATUS, "{key} must be a 5xx status (the caller is not "
                    + "at fault), got " + keysUnavailableStatus);
        }
        cacheControl = cacheControl.map(String::strip).filter(v -> !v.isEmpty());
    }

    /** Reads the keys; a malformed value or a status that is not 5xx is an error naming its key. */
    static ResponseSettings from(ConfigLookup lookup) {
        String prefix = HexclaveSettings.Keys.PREFIX;
        int status = lookup.integer(prefix + KEYS_UNAVAILABLE_STATUS).orElse(DEFAULT_KEYS_UNAVAILABLE_STATUS);
        boolean enabled = lookup.bool(prefix + CACHE_CONTROL_ENABLED).orElse(true);
        Optional<String> value = enabled
                ? Optional.of(lookup.get(prefix + CACHE_CONTROL_VALUE).orElse(DEFAULT_CACHE_CONTROL))
                : Optional.empty();
        return new ResponseSettings(status, value);
    }
}
