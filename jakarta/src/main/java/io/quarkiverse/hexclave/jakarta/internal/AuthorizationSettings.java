package io.quarkiverse.hexclave.jakarta.internal;

import java.time.Duration;

import io.quarkiverse.hexclave.config.ConfigLookup;
import io.quarkiverse.hexclave.config.HexclaveConfigException;
import io.quarkiverse.hexclave.config.HexclaveSettings;

/**
 * The {@code hexclave.authorization.*} keys of the Jakarta adapter.
 *
 * @param groupsFromPermissions whether the user's project permissions become groups at login
 *        ({@code hexclave.authorization.enabled}; default: on when a secret server key is set, which the calls need)
 * @param cacheTtl how long a user's permissions and teams are reused ({@code hexclave.authorization.cache-ttl},
 *        default 30s; 0 = ask Hexclave every time): also how long a revoked permission can still pass
 * @param cacheSize how many users' answers are kept ({@code hexclave.authorization.cache-size}, default 1000)
 */
public record AuthorizationSettings(boolean groupsFromPermissions, Duration cacheTtl, int cacheSize) {

    public static final String ENABLED = "hexclave.authorization.enabled";
    public static final String CACHE_TTL = "hexclave.authorization.cache-ttl";
    public static final String CACHE_SIZE = "hexclave.authorization.cache-size";

    public static final Duration DEFAULT_CACHE_TTL = Duration.ofSeconds(30);
    public static final int DEFAULT_CACHE_SIZE = 1000;

    public AuthorizationSettings {
        if (cacheTtl.isNegative()) {
            throw new HexclaveConfigException(CACHE_TTL + " must be 0 or positive, got " + cacheTtl);
        }
        if (cacheSize < 0) {
            throw new HexclaveConfigException(CACHE_SIZE + " must be 0 or positive, got " + cacheSize);
        }
    }

    /** Reads the keys; {@code enabled=true} without a secret server key is an error naming both keys. */
    public static AuthorizationSettings from(ConfigLookup lookup, HexclaveSettings settings) {
        boolean hasServerKey = settings.secretServerKey().isPresent();
        boolean enabled = lookup.bool(ENABLED).orElse(hasServerKey);
        if (enabled && !hasServerKey) {
            throw new HexclaveConfigException(ENABLED + " is true, but listing a user's permissions needs the secret "
                    + "server key: set hexclave.secret-server-key (HEXCLAVE_SECRET_SERVER_KEY), or " + ENABLED + "=false.");
        }
        return new AuthorizationSettings(enabled, lookup.duration(CACHE_TTL).orElse(DEFAULT_CACHE_TTL),
                lookup.integer(CACHE_SIZE).orElse(DEFAULT_CACHE_SIZE));
    }
}
