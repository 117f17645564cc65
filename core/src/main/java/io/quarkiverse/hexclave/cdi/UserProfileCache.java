package io.quarkiverse.hexclave.cdi;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Function;

import io.quarkiverse.hexclave.client.internal.TtlCache;
import io.quarkiverse.hexclave.client.model.User;

/**
 * A bounded cache of user profiles by id, entries living a few seconds, shared by {@link CurrentHexclaveUser}s
 * across requests (an adapter holds one application-scoped). Concurrent misses on the same id may both load; the
 * cache only saves repeated calls. Thread-safe.
 */
public final class UserProfileCache {

    /** Defaults: 10 seconds, 1000 users. */
    public static final Duration DEFAULT_TTL = Duration.ofSeconds(10);
    public static final int DEFAULT_SIZE = 1000;

    private final TtlCache<String, User> cache;

    /** A cache with the defaults. */
    public UserProfileCache() {
        this(DEFAULT_TTL, DEFAULT_SIZE, Clock.systemUTC());
    }

    public UserProfileCache(Duration ttl, int maxSize, Clock clock) {
        this.cache = new TtlCache<>(maxSize, ttl, clock);
    }

    /** The cached profile of {@code userId}, else {@code loader}'s, which is then cached. */
    public User get(String userId, Function<String, User> loader) {
        return cache.get(userId).orElseGet(() -> {
            User user = loader.apply(userId);
            if (user != null) {
                cache.put(userId, user);
            }
            return user;
        });
    }

    /** Forgets a user's profile (e.g. after updating it). */
    public void invalidate(String userId) {
        cache.invalidate(userId);
    }

    /** Entries held. */
    public int size() {
        return cache.size();
    }
}
