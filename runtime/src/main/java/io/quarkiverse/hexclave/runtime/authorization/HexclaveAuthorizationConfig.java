package io.quarkiverse.hexclave.runtime.authorization;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

import io.quarkus.runtime.annotations.ConfigDocSection;
import io.quarkus.runtime.annotations.ConfigPhase;
import io.quarkus.runtime.annotations.ConfigRoot;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Run-time configuration of authorization: how long Hexclave permissions are cached.
 * <p>
 * The caches are the Quarkus caches named {@value HexclaveGrants#PROJECT_PERMISSIONS},
 * {@value HexclaveGrants#TEAM_PERMISSIONS} and {@value HexclaveGrants#TEAMS}; these keys are the defaults of their
 * {@code quarkus.cache.caffeine."<name>".*} keys, which win when set.
 */
@ConfigMapping(prefix = "quarkus.hexclave.authorization")
@ConfigRoot(phase = ConfigPhase.RUN_TIME)
public interface HexclaveAuthorizationConfig {

    /**
     * How long a user's permissions (and teams), once loaded from Hexclave, answer checks without asking again. This is
     * also the longest time a revoked permission can still pass (and a newly granted one still be refused) on one
     * replica; with a shared cache, across all replicas. {@code 0s} disables caching: every check that needs a
     * permission asks Hexclave. Lower it for permissions whose revocation must take effect quickly; raise it to save
     * calls when permissions rarely change. Same key as the Jakarta adapter's {@code hexclave.authorization.cache-ttl}
     * (and so {@code HEXCLAVE_AUTHORIZATION_CACHE_TTL}).
     */
    @WithDefault("60s")
    Duration cacheTtl();

    /**
     * The most users whose permissions are cached at once (per cache); beyond it, entries are evicted by the cache's
     * size policy (Caffeine's, by default). Each entry holds one user's permission ids (or teams). Raise it when more
     * users than this are active within one {@code cache-ttl}, or calls to Hexclave grow.
     */
    @WithDefault("10000")
    long cacheSize();

    /**
     * The former names of {@code cache-ttl} and {@code cache-size}: still honoured, deprecated.
     */
    @ConfigDocSection
    @Deprecated
    DeprecatedCache cache();

    /** The former names of the permission cache's keys. */
    interface DeprecatedCache {

        /**
         * Deprecated: use {@code quarkus.hexclave.authorization.cache-ttl}. Still honoured when that key is not set.
         */
        @Deprecated
        Optional<Duration> lifetime();

        /**
         * Deprecated: use {@code quarkus.hexclave.authorization.cache-size}. Still honoured when that key is not set.
         */
        @Deprecated
        OptionalLong maximumSize();
    }
}
