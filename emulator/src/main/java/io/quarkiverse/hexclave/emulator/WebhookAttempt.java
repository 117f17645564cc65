package io.quarkiverse.hexclave.emulator;

import java.time.Instant;

/**
 * One attempt of the emulator to deliver a webhook event to an endpoint.
 *
 * @param messageId the {@code svix-id}, the same on every attempt of one event to one endpoint
 * @param type the event type, e.g. {@code user.created}
 * @param endpoint the endpoint URL
 * @param attempt 1 for the first attempt, then 2, 3 …
 * @param status the HTTP status answered, or 0 when there was no answer (connection refused, timeout)
 * @param at when the attempt was made
 */
public record WebhookAttempt(String messageId, String type, String endpoint, int attempt, int status, Instant at) {

    /** Whether the endpoint accepted it (2xx). */
    public boolean delivered() {
        return status >= 200 && status < 300;
    }
}
