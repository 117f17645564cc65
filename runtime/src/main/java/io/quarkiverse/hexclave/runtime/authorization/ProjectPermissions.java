package io.quarkiverse.hexclave.runtime.authorization;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.quarkiverse.hexclave.client.HexclaveClient;
import io.quarkiverse.hexclave.client.error.UserNotFoundException;
import io.quarkiverse.hexclave.client.model.ProjectPermission;
import io.quarkiverse.hexclave.client.model.ProjectPermissionQuery;
import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;

/**
 * The project permissions a user holds (recursive containment included), loaded from Hexclave once per user per cache
 * lifetime. Permissions are not in the access token (wire reference §8), so this is the one place that asks.
 * <p>
 * The cache is Quarkus' {@value #CACHE_NAME} cache: concurrent first requests of one user share one call (single
 * flight), a failed call is not cached, and the call runs on a worker thread, never on the event loop.
 */
@Singleton
public class ProjectPermissions {

    /** The name of the Quarkus cache holding each user's project permissions. */
    public static final String CACHE_NAME = "hexclave-project-permissions";

    private static final Logger LOG = Logger.getLogger(ProjectPermissions.class);

    private final HexclaveClient client;
    private final Cache cache;

    @Inject
    ProjectPermissions(HexclaveClient client, @CacheName(CACHE_NAME) Cache cache) {
        this.client = client;
        this.cache = cache;
    }

    /**
     * The ids of the project permissions {@code userId} holds. Fails with the client's exception when Hexclave cannot
     * be asked; a user Hexclave does not know holds none.
     */
    Uni<Set<String>> of(String userId) {
        return cache.getAsync(userId, this::load);
    }

    private Uni<Set<String>> load(String userId) {
        return Uni.createFrom().item(() -> fetch(userId)).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private Set<String> fetch(String userId) {
        LOG.debugf("Loading the Hexclave project permissions of a user on thread %s", Thread.currentThread().getName());
        List<ProjectPermission> held;
        try {
            held = client.projectPermissions().list(ProjectPermissionQuery.ofUser(userId));
        } catch (UserNotFoundException e) {
            return Set.of(); // deleted since the token was issued: no permissions
        }
        return held.stream().map(ProjectPermission::id).collect(Collectors.toUnmodifiableSet());
    }
}
