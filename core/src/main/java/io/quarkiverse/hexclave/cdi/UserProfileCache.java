package io.quarkiverse.hexclave.cdi;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

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

    private final Cache<String, User> cache;

    /** A cache with the defaults. */
    public UserProfileCache() {
        this(DEFAULT_TTL, DEFAULT_SIZE, Clock.systemUTC());
    }

    public UserProfileCache(Duration ttl, int maxSize, Clock clock) {
        this.cache = Caffeine.newBuilder().maximumSize(maxSize).expireAfterWrite(ttl)
                .ticker(() -> clock.millis() * 1_000_000L).executor(Runnable::run).build();
    }

    /** The cached profile of {@code userId}, else {@code loader}'s, which is then cached. */
    public User get(String userId, Function<String, User> loader) {
        User cached = cache.getIfPresent(userId);
        if (cached != null) {
            return cached;
        }
        User user = loader.apply(userId); // not inside the cache's lock: a slow load blocks no other user
        if (user != null) {
            cache.put(userId, user);
        }
        return user;
    }

    /**
     * The cached profile of {@code userId} as a completed stage, else {@code loader}'s stage, whose profile is cached
     * when it arrives. A failed load is not cached.
     */
    public CompletionStage<User> getAsync(String userId, Function<String, ? extends CompletionStage<User>> loader) {
        User cached = cache.getIfPresent(userId);
        if (cached != null) {
            return CompletableFuture.completedFuture(cached);
        }
        return loader.apply(userId).thenApply(user -> {
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
        cache.cleanUp();
        return (int) cache.estimatedSize();
    }
}
