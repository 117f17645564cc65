package io.quarkiverse.hexclave.client.model;

/**
 * Whether a user receives the e-mails of one notification category ({@code /emails/notification-preference}).
 *
 * @param notificationCategoryId the category's id
 * @param notificationCategoryName its name, e.g. {@code Marketing}
 * @param enabled whether the user receives these e-mails
 * @param canDisable whether the user may switch them off (transactional e-mails cannot be)
 */
public record NotificationPreference(String notificationCategoryId, String notificationCategoryName, boolean enabled,
        boolean canDisable) {
}
