package io.quarkiverse.hexclave.jakarta.internal;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;

import io.quarkiverse.hexclave.webhook.HexclaveEvent;

/**
 * A delivered webhook event makes the adapter's caches forget what it changed, before the application's observers
 * run: the affected user's permissions, teams and profile; on {@code team.updated} / {@code team.deleted} every
 * user's team permissions and teams. A revoked team permission then stops passing within one delivery instead of one
 * {@code hexclave.authorization.cache-ttl}.
 */
@ApplicationScoped
public class WebhookCacheInvalidation {

    @Inject
    HexclaveComponents components;

    void onEvent(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) HexclaveEvent event) {
        event.affectedUserId().ifPresent(userId -> {
            components.authorizationIfCreated().ifPresent(cache -> cache.forget(userId));
            components.userProfileCache().ifPresent(cache -> cache.invalidate(userId));
        });
        if (event instanceof HexclaveEvent.TeamDeleted || event instanceof HexclaveEvent.TeamUpdated) {
            components.authorizationIfCreated().ifPresent(UserAuthorizationCache::forgetTeams);
        }
    }
}
