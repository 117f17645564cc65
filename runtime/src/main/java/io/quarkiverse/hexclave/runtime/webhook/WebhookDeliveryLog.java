package io.quarkiverse.hexclave.runtime.webhook;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

import io.quarkiverse.hexclave.webhook.WebhookReceiver;

/**
 * The last webhook deliveries the route answered, newest first, for the Dev UI: when, the message id, the event type
 * and the outcome. Bounded ({@value #CAPACITY} entries); holds no body, signature or event data. Thread-safe.
 */
public final class WebhookDeliveryLog {

    static final int CAPACITY = 50;

    /**
     * One delivery.
     *
     * @param id the message id, or {@code null} when the delivery was refused (an unverified id is not shown)
     * @param type the event type, or {@code null} when refused
     * @param detail the refusal reason or the observer's exception class, else {@code null}
     */
    public record Entry(Instant at, String id, String type, WebhookReceiver.Outcome outcome, int status,
            String detail) {
    }

    private final Deque<Entry> entries = new ArrayDeque<>();

    void add(Entry entry) {
        synchronized (entries) {
            entries.addFirst(entry);
            while (entries.size() > CAPACITY) {
                entries.removeLast();
            }
        }
    }

    /** The entries, newest first. */
    public List<Entry> entries() {
        synchronized (entries) {
            return List.copyOf(new ArrayList<>(entries));
        }
    }
}
