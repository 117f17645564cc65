package io.quarkiverse.hexclave.jakarta.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import io.quarkiverse.hexclave.cdi.UserProfileCache;
import io.quarkiverse.hexclave.config.ConfigLookup;
import io.quarkiverse.hexclave.config.HexclaveConfigException;
import io.quarkiverse.hexclave.config.HexclaveSettings;

/**
 * The {@code hexclave.user-profile.*} keys, named and defaulted as the Quarkus extension's
 * {@code quarkus.hexclave.user-profile.*}.
 *
 * @param cacheTtl how long a loaded user profile is reused across requests of the same user
 *        ({@code hexclave.user-profile.cache-ttl}, default 0s: loaded at most once per request, never shared)
 * @param cacheSize how many profiles that cache holds at most ({@code hexclave.user-profile.cache-size}, default 1000)
 */
record UserProfileSettings(Duration cacheTtl, int cacheSize) {

    static final String CACHE_TTL = "user-profile.cache-ttl";
    static final String CACHE_SIZE = "user-profile.cache-size";

    static final Duration DEFAULT_CACHE_TTL = Duration.ZERO;
    static final int DEFAULT_CACHE_SIZE = UserProfileCache.DEFAULT_SIZE;

    public UserProfileSettings {
        if (cacheTtl.isNegative()) {
            throw new HexclaveConfigException(CACHE_TTL, "{key} must be 0 (off) or positive, got " + cacheTtl);
        }
        if (cacheSize < 0) {
            throw new HexclaveConfigException(CACHE_SIZE, "{key} must be 0 or positive, got " + cacheSize);
        }
    }

    /** Reads the keys; a malformed or negative value is an error naming its key. */
    static UserProfileSettings from(ConfigLookup lookup) {
        String prefix = HexclaveSettings.Keys.PREFIX;
        return new UserProfileSettings(lookup.duration(prefix + CACHE_TTL).orElse(DEFAULT_CACHE_TTL),
                lookup.integer(prefix + CACHE_SIZE).orElse(DEFAULT_CACHE_SIZE));
    }

    /** A new cache of these settings, or empty when {@link #cacheTtl()} is 0. */
    Optional<UserProfileCache> newCache() {
        return cacheTtl.isZero() ? Optional.empty()
                : Optional.of(new UserProfileCache(cacheTtl, cacheSize, Clock.systemUTC()));
    }
}
