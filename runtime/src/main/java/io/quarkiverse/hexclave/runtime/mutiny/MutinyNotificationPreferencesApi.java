package io.quarkiverse.hexclave.runtime.mutiny;

import java.util.List;

import io.quarkiverse.hexclave.client.NotificationPreferencesApi;
import io.quarkiverse.hexclave.client.model.NotificationPreference;
import io.smallrye.mutiny.Uni;

/**
 * Notification preferences with Mutiny: each method is the {@code …Async} method of the same name in {@link
 * NotificationPreferencesApi} as a {@code Uni}, which calls Hexclave on subscription (again on each) and emits on
 * the subscriber's Vert.x context (see {@link MutinyHexclaveClient}). Same errors as the core, in the {@code Uni}'s
 * failure.
 */
public final class MutinyNotificationPreferencesApi {

    private final NotificationPreferencesApi api;

    MutinyNotificationPreferencesApi(NotificationPreferencesApi api) {
        this.api = api;
    }

    /** A user's preference for every notification category ({@code GET /emails/notification-preference/{user_id}}). */
    public Uni<List<NotificationPreference>> list(String userId) {
        return CallerContext.uni(() -> api.listAsync(userId));
    }

    /**
     * Switches a category on or off for a user ({@code PATCH /emails/notification-preference/{user_id}/{category_id}}).
     * Hexclave stores the choice even for a category that {@link NotificationPreference#canDisable() cannot be
     * disabled}, and keeps sending those e-mails.
     */
    public Uni<NotificationPreference> update(String userId, String notificationCategoryId, boolean enabled) {
        return CallerContext.uni(() -> api.updateAsync(userId, notificationCategoryId, enabled));
    }
}
