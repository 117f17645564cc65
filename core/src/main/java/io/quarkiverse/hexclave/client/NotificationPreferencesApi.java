package io.quarkiverse.hexclave.client;

import java.util.List;
import java.util.concurrent.CompletionStage;

import io.quarkiverse.hexclave.client.model.NotificationPreference;

/**
 * Users' e-mail notification preferences ({@code /emails/notification-preference}), server access: list a user's
 * preferences per category, and switch one on or off. An unknown category is Hexclave's plain-text 404, an
 * {@link io.quarkiverse.hexclave.client.error.UnknownHexclaveErrorException} with that status; an unknown user is a
 * {@link io.quarkiverse.hexclave.client.error.UserNotFoundException}.
 */
public final class NotificationPreferencesApi {

    private static final String BASE = "/emails/notification-preference/";

    private final RequestSender sender;

    NotificationPreferencesApi(RequestSender sender) {
        this.sender = sender;
    }

    /** A user's preference for every notification category ({@code GET /emails/notification-preference/{user_id}}). */
    public CompletionStage<List<NotificationPreference>> listAsync(String userId) {
        return RequestSender.guard(() -> sender.send(ApiCall.of("GET", BASE + RequestSender.segment(userId), Access.SERVER))
                .thenApply(r -> Json.items(r, Json.tree(r), NotificationPreference.class)));
    }

    /** A user's preference for every notification category. */
    public List<NotificationPreference> list(String userId) {
        return sender.blocking(() -> listAsync(userId));
    }

    /**
     * Switches a category on or off for a user ({@code PATCH /emails/notification-preference/{user_id}/{category_id}}).
     * Hexclave stores the choice even for a category that {@link NotificationPreference#canDisable() cannot be
     * disabled}, and keeps sending those e-mails.
     */
    public CompletionStage<NotificationPreference> updateAsync(String userId, String notificationCategoryId, boolean enabled) {
        return RequestSender.guard(() -> sender.send(ApiCall.of("PATCH", BASE + RequestSender.segment(userId) + "/"
                + RequestSender.segment(notificationCategoryId), Access.SERVER)
                .withBody(Json.MAPPER.createObjectNode().put("enabled", enabled)))
                .thenApply(r -> Json.read(r, NotificationPreference.class)));
    }

    /** Switches a category on or off for a user. */
    public NotificationPreference update(String userId, String notificationCategoryId, boolean enabled) {
        return sender.blocking(() -> updateAsync(userId, notificationCategoryId, enabled));
    }
}
