package io.quarkiverse.hexclave.testing.internal;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.quarkiverse.hexclave.client.model.Team;
import io.quarkiverse.hexclave.runtime.authorization.HexclaveGrants;
import io.quarkiverse.hexclave.testing.HexclaveSecurity;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheManager;
import io.quarkus.cache.CaffeineCache;

/**
 * What a {@code @TestSecurity} user holds, placed for the test in the per-user caches that {@link HexclaveGrants}
 * reads (project permissions, team permissions by team, teams): the real checks then find them there and never ask
 * Hexclave. Forgotten after the test.
 */
@Singleton
public class TestGrants {

    private final CacheManager caches;
    private volatile String held;

    @Inject
    public TestGrants(CacheManager caches) {
        this.caches = caches;
    }

    void hold(String userId, HexclaveSecurity description) {
        Map<String, Set<String>> byTeam = new LinkedHashMap<>();
        List<Team> teams = Arrays.stream(description.teams()).map(t -> {
            if (t.permissions().length > 0) {
                byTeam.put(t.id(), Set.of(t.permissions()));
            }
            return new Team(t.id(), t.displayName().isBlank() ? t.id() : t.displayName(), null, null, null, null, null);
        }).toList();
        put(HexclaveGrants.PROJECT_PERMISSIONS, userId, Set.of(description.projectPermissions()));
        put(HexclaveGrants.TEAM_PERMISSIONS, userId, Map.copyOf(byTeam));
        put(HexclaveGrants.TEAMS, userId, teams);
        held = userId;
    }

    /** Forgets what the last test's user held. */
    public void forget() {
        String userId = held;
        if (userId == null) {
            return;
        }
        held = null;
        for (String name : HexclaveGrants.CACHE_NAMES) {
            caches.getCache(name).ifPresent(c -> c.invalidate(userId).await().indefinitely());
        }
    }

    private void put(String name, String userId, Object value) {
        Cache cache = caches.getCache(name).orElseThrow(() -> unusable(name, "it does not exist"));
        CaffeineCache caffeine;
        try {
            caffeine = cache.as(CaffeineCache.class);
        } catch (IllegalStateException e) {
            throw unusable(name, "it is not a Caffeine cache (quarkus.cache.enabled=false?)");
        }
        caffeine.put(userId, CompletableFuture.completedFuture(value));
        if (caffeine.getIfPresent(userId) == null) {
            throw unusable(name, "it keeps nothing (quarkus.hexclave.authorization.cache-ttl=0s?)");
        }
    }

    private static IllegalStateException unusable(String name, String why) {
        return new IllegalStateException("@TestSecurity with Hexclave: the permissions of the test user are held in "
                + "the cache " + name + ", but " + why + ". Keep the Hexclave permission caches enabled in test mode.");
    }
}
