package io.quarkiverse.hexclave.emulator;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

import io.quarkiverse.hexclave.emulator.internal.WebhookOutbox;

/**
 * The emulator's webhooks: with a signing secret and at least one endpoint, every change of users, teams, team
 * memberships and team permissions (through the HTTP API or the Java API) is delivered to each endpoint as Hexclave
 * does (wire reference §12): {@code POST {"type": …, "data": …}}, Svix-signed ({@link WebhookSignature}), retried with
 * back-off when the endpoint does not answer 2xx (bounded: 1, 2, 4, 8 and 16 s by default, then given up). Deliveries
 * run on a background thread, in the order of the changes. Thread-safe.
 */
public final class EmulatorWebhooks {

    private final WebhookOutbox outbox;

    EmulatorWebhooks(WebhookOutbox outbox) {
        this.outbox = outbox;
    }

    /**
     * Sets the signing secret ({@code whsec_<base64>}; {@link WebhookSignature#newSecret()} makes one); {@code null}
     * stops deliveries.
     *
     * @throws IllegalArgumentException if it is not base64 after the prefix
     */
    public EmulatorWebhooks secret(String secret) {
        outbox.secret(secret);
        return this;
    }

    /** Adds an endpoint URL (no-op if present). */
    public EmulatorWebhooks addEndpoint(String url) {
        outbox.addEndpoint(url);
        return this;
    }

    /** Replaces the endpoint URLs. */
    public EmulatorWebhooks endpoints(List<String> urls) {
        outbox.replaceEndpoints(List.copyOf(urls));
        return this;
    }

    /** The endpoint URLs. */
    public List<String> endpoints() {
        return outbox.endpoints();
    }

    /** The delays between the attempts of a delivery; as many retries as delays. */
    public EmulatorWebhooks retryDelays(Duration... delays) {
        for (Duration d : delays) {
            if (Objects.requireNonNull(d, "delay").isNegative()) {
                throw new IllegalArgumentException("retry delays must not be negative");
            }
        }
        outbox.retryDelays(List.of(delays));
        return this;
    }

    /** Every attempt so far (the last 1000), oldest first. */
    public List<WebhookAttempt> attempts() {
        return outbox.attempts();
    }

    /** How many deliveries are queued or waiting for a retry. */
    public int pending() {
        return outbox.pending();
    }
}
