package io.quarkiverse.hexclave.webhook;

import java.time.Instant;
import java.util.Objects;

/**
 * An authentic webhook delivery.
 *
 * @param id the message id ({@code svix-id}): the same on every retry of one event, so the key to deduplicate on
 * @param timestamp when it was signed ({@code svix-timestamp})
 * @param event the event it carries
 */
public record WebhookDelivery(String id, Instant timestamp, HexclaveEvent event) {

    public WebhookDelivery {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(timestamp, "timestamp");
        Objects.requireNonNull(event, "event");
    }
}
