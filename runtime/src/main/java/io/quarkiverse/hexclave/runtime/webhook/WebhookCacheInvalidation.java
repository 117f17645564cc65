package io.quarkiverse.hexclave.runtime.webhook;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.interceptor.Interceptor;

import io.quarkiverse.hexclave.cdi.UserProfileCache;
import io.quarkiverse.hexclave.runtime.authorization.HexclaveGrants;
import io.quarkiverse.hexclave.runtime.internal.CurrentUsers;
import io.quarkiverse.hexclave.webhook.HexclaveEvent;
import io.quarkus.arc.Arc;
import io.quarkus.arc.InjectableInstance;

/**
 * Keeps the extension's caches honest: a delivered event makes the caches that hold what it changed forget it, before
 * any application observer runs. A permission revoked in Hexclave then stops passing once its
 * {@code team_permission.deleted} (or {@code team_membership.deleted}, {@code user.deleted}) is delivered, instead of
 * at the end of the cache lifetime.
 * <ul>
 * <li>user, membership and team-permission events: that user's project permissions, team permissions, teams and
 * profile;</li>
 * <li>{@code team.updated}, {@code team.deleted}: every user's team permissions and teams (the members are not
 * known).</li>
 * </ul>
 * Project-permission changes have no event (wire reference §12.1): they still take one cache lifetime.
 */
@Singleton
public class WebhookCacheInvalidation {

    private final CurrentUsers users;

    @Inject
    public WebhookCacheInvalidation(CurrentUsers users) {
        this.users = users;
    }

    void onEvent(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) HexclaveEvent event) {
        // Looked up, not injected: an injection point would keep the permission caches in applications that use none
        InjectableInstance<HexclaveGrants> grants = Arc.container().select(HexclaveGrants.class);
        event.affectedUserId().ifPresent(userId -> {
            grants.stream().forEach(g -> g.forget(userId));
            UserProfileCache profiles = users.profileCache();
            if (profiles != null) {
                profiles.invalidate(userId);
            }
        });
        if (event instanceof HexclaveEvent.TeamDeleted || event instanceof HexclaveEvent.TeamUpdated) {
            grants.stream().forEach(HexclaveGrants::forgetTeams);
        }
    }
}
