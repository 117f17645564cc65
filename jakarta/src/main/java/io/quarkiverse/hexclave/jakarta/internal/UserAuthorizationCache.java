package io.quarkiverse.hexclave.jakarta.internal;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import org.jboss.logging.Logger;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;

import io.quarkiverse.hexclave.client.HexclaveClient;
import io.quarkiverse.hexclave.client.error.UserNotFoundException;
import io.quarkiverse.hexclave.client.model.ListTeamsQuery;
import io.quarkiverse.hexclave.client.model.ProjectPermission;
import io.quarkiverse.hexclave.client.model.ProjectPermissionQuery;
import io.quarkiverse.hexclave.client.model.Team;
import io.quarkiverse.hexclave.client.model.TeamPermission;
import io.quarkiverse.hexclave.client.model.TeamPermissionQuery;
import io.quarkiverse.hexclave.config.HexclaveConfigException;
import io.quarkiverse.hexclave.jakarta.AuthorizationUnavailableException;

/**
 * A user's project permissions, team permissions and teams, as Hexclave lists them (recursive: permissions implied by
 * contained ones included), one call per kind per user per cache lifetime.
 * <p>
 * Bounded ({@code cache-size} users per kind) and short-lived ({@code cache-ttl}, which is also how long a revoked
 * permission can still pass). Single flight: concurrent requests of one user wait for one call; a failed call is not
 * cached, so the next request asks again. A user Hexclave no longer knows has no permissions and no teams. A missing
 * secret server key is the {@link HexclaveConfigException} that names it; any other failure is an
 * {@link AuthorizationUnavailableException} (the caller answers 503), never an empty answer.
 */
public final class UserAuthorizationCache {

    /** Longest wait for an answer of Hexclave, beyond the client's own timeouts and retries. */
    private static final long WAIT_SECONDS = 60;

    private final HexclaveClient client;
    private static final long WARNING_INTERVAL_NANOS = TimeUnit.MINUTES.toNanos(1);
    private static final Logger LOG = Logger.getLogger(UserAuthorizationCache.class);

    private final AsyncCache<String, Outcome<Set<String>>> projectPermissions;
    private final AsyncCache<String, Outcome<Map<String, Set<String>>>> teamPermissions;
    private final AsyncCache<String, Outcome<List<Team>>> teams;
    private final AtomicLong lastWarning = new AtomicLong();

    public UserAuthorizationCache(HexclaveClient client, AuthorizationSettings settings) {
        this(client, settings, Ticker.systemTicker());
    }

    UserAuthorizationCache(HexclaveClient client, AuthorizationSettings settings, Ticker ticker) {
        this.client = client;
        this.projectPermissions = build(settings, ticker);
        this.teamPermissions = build(settings, ticker);
        this.teams = build(settings, ticker);
    }

    private static <V> AsyncCache<String, V> build(AuthorizationSettings settings, Ticker ticker) {
        return Caffeine.newBuilder().maximumSize(settings.cacheSize()).expireAfterWrite(settings.cacheTtl())
                .ticker(ticker).executor(Runnable::run).buildAsync();
    }

    /** Forgets everything cached for {@code userId} (a webhook said their permissions or teams changed). */
    public void forget(String userId) {
        projectPermissions.synchronous().invalidate(userId);
        teamPermissions.synchronous().invalidate(userId);
        teams.synchronous().invalidate(userId);
    }

    /** Forgets every user's team permissions and teams (a team changed or was deleted; its members are not known). */
    public void forgetTeams() {
        teamPermissions.synchronous().invalidateAll();
        teams.synchronous().invalidateAll();
    }

    /** The ids of the project permissions {@code userId} holds, directly or through containment. */
    public Set<String> projectPermissions(String userId) {
        return get(projectPermissions, userId, id -> client.projectPermissions()
                .listAsync(ProjectPermissionQuery.ofUser(id)).thenApply(UserAuthorizationCache::projectIds),
                Set.of(), "project permissions");
    }

    /** The permission ids {@code userId} holds in {@code teamId}, directly or through containment. */
    public Set<String> teamPermissions(String userId, String teamId) {
        return get(teamPermissions, userId, id -> client.teamPermissions().listAsync(TeamPermissionQuery.ofUser(id))
                .thenApply(UserAuthorizationCache::byTeam), Map.<String, Set<String>> of(), "team permissions")
                .getOrDefault(teamId, Set.of());
    }

    /** The teams {@code userId} is a member of. */
    public List<Team> teams(String userId) {
        return get(teams, userId, id -> client.teams().listAsync(ListTeamsQuery.ofUser(id))
                .thenApply(page -> List.copyOf(page.items())), List.of(), "teams");
    }

    private static Set<String> projectIds(List<ProjectPermission> held) {
        Set<String> ids = new HashSet<>();
        held.forEach(p -> ids.add(p.id()));
        return Set.copyOf(ids);
    }

    private static Map<String, Set<String>> byTeam(List<TeamPermission> held) {
        Map<String, Set<String>> byTeam = new HashMap<>();
        held.forEach(p -> byTeam.computeIfAbsent(p.teamId(), t -> new HashSet<>()).add(p.id()));
        Map<String, Set<String>> frozen = new HashMap<>();
        byTeam.forEach((team, ids) -> frozen.put(team, Set.copyOf(ids)));
        return Map.copyOf(frozen);
    }

    private <V> V get(AsyncCache<String, Outcome<V>> cache, String userId, Function<String, CompletionStage<V>> load,
            V unknownUser, String what) {
        CompletableFuture<Outcome<V>> answer = cache.get(userId, (id, executor) -> start(load, id)
                .handle((value, e) -> e == null ? new Outcome<>(value, null)
                        : unwrap(e) instanceof UserNotFoundException ? new Outcome<>(unknownUser, null)
                                : new Outcome<V>(null, unwrap(e))));
        Outcome<V> outcome;
        try {
            outcome = answer.get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | CompletionException e) {
            outcome = new Outcome<>(null, unwrap(e));
        } catch (TimeoutException e) {
            outcome = new Outcome<>(null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AuthorizationUnavailableException("Interrupted while listing the user's " + what, e);
        }
        if (outcome.failure() == null) {
            return outcome.value();
        }
        cache.asMap().remove(userId, answer); // not cached: the next request asks again
        if (outcome.failure() instanceof HexclaveConfigException config) {
            throw config; // e.g. no secret server key: the application's mistake, not Hexclave being down
        }
        String problem = "Hexclave could not list the user's " + what + ": " + outcome.failure().getClass().getSimpleName();
        warnNowAndThen(problem + " (" + outcome.failure().getMessage() + ")");
        throw new AuthorizationUnavailableException(problem, outcome.failure());
    }

    private static <V> CompletableFuture<V> start(Function<String, CompletionStage<V>> load, String userId) {
        try {
            return load.apply(userId).toCompletableFuture();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Once a minute at most: during an outage every request fails the same way (and is answered 503). */
    private void warnNowAndThen(String message) {
        long now = System.nanoTime();
        long last = lastWarning.get();
        if ((last == 0 || now - last > WARNING_INTERVAL_NANOS) && lastWarning.compareAndSet(last, now == 0 ? 1 : now)) {
            LOG.warn(message);
        }
    }

    /**
     * What a load gave: the cache holds futures that never fail (Caffeine would log every failed load with its stack
     * trace), and a failed outcome is removed at once.
     */
    private record Outcome<V>(V value, Throwable failure) {
    }

    private static Throwable unwrap(Throwable e) {
        Throwable t = e;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
