package io.quarkiverse.hexclave.webhook;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * What a webhook endpoint does with a delivery, in one place for every adapter (the Quarkus route, the Jakarta
 * servlet): verify it ({@link WebhookVerifier}), skip a delivery id already delivered, hand the event to the
 * application ({@code fire}, e.g. CDI's {@code Event#fire}), and decide the answer.
 * <p>
 * Answers ({@link Receipt#status()}): 204 once {@code fire} returned; 204 without firing for an id delivered within
 * the deduplication window; 409 while the same id is being handled; 503 when {@code fire} threw (the id is not
 * remembered, so Hexclave's retry fires it again); the refusal's status (401, 400) for a delivery that does not verify,
 * which is never fired. Never 500.
 * <p>
 * Deduplication is bounded: at most {@code deduplicationSize} ids (each at most 256 characters) for
 * {@code deduplicationWindow}, the oldest forgotten first, in this instance's memory only. Thread-safe.
 */
public final class WebhookReceiver {

    /** The default window: longer than Svix's retry schedule (5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h). */
    public static final Duration DEFAULT_DEDUPLICATION_WINDOW = Duration.ofHours(28);
    /** The default number of delivery ids remembered. */
    public static final int DEFAULT_DEDUPLICATION_SIZE = 10_000;

    private static final Logger LOG = Logger.getLogger(WebhookReceiver.class);

    /** How a delivery was answered. */
    public enum Outcome {
        /** Verified and fired; answered 204. */
        DELIVERED,
        /** Verified, but its id was already delivered; answered 204 without firing. */
        DUPLICATE,
        /** Verified, but the same id is being delivered right now; answered 409 so that Hexclave retries. */
        IN_PROGRESS,
        /** Verified, fired, and the application threw; answered 503 so that Hexclave retries. */
        OBSERVER_FAILED,
        /** Refused (bad signature, timestamp, headers or body); answered 401 or 400, nothing fired. */
        REFUSED
    }

    /**
     * The answer to one delivery.
     *
     * @param status the HTTP status to answer
     * @param outcome what happened
     * @param id the delivery id, or {@code null} when refused (an unverified id proves nothing)
     * @param type the event type, or {@code null} when refused
     * @param detail the refusal reason or the exception class of the failed observer, else {@code null}
     * @param error the text of a JSON {@code {"error": …}} body to answer, or {@code null} for no body; never
     *        contains request data or an observer's message
     */
    public record Receipt(int status, Outcome outcome, String id, String type, String detail, String error) {

        /** The body to answer, {@code {"error": "…"}}, or {@code null} for none. */
        public String errorJson() {
            return error == null ? null : JsonNodeFactory.instance.objectNode().put("error", error).toString();
        }
    }

    private enum State {
        IN_FLIGHT,
        DONE
    }

    private final WebhookVerifier verifier;
    private final Cache<String, State> seen;

    /**
     * @throws IllegalArgumentException for a non-positive window or size
     */
    public WebhookReceiver(WebhookVerifier verifier, Duration deduplicationWindow, int deduplicationSize) {
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        if (deduplicationSize < 1 || deduplicationWindow.isNegative() || deduplicationWindow.isZero()) {
            throw new IllegalArgumentException("the deduplication window and size must be positive");
        }
        this.seen = Caffeine.newBuilder().maximumSize(deduplicationSize).expireAfterWrite(deduplicationWindow)
                .executor(Runnable::run).build();
    }

    /**
     * Handles one delivery.
     *
     * @param body the request body exactly as received
     * @param header looks a request header up by its lower-case name
     * @param fire hands the event to the application; throwing makes the delivery fail (503, retried)
     */
    public Receipt receive(byte[] body, Function<String, String> header, Consumer<HexclaveEvent> fire) {
        WebhookVerification verification = verifier.verify(body, header);
        if (verification instanceof WebhookVerification.Refused refused) {
            LOG.debugf("Hexclave webhook delivery refused: %s (%s)", refused.reason(), refused.safeDetail());
            return new Receipt(refused.reason().httpStatus(), Outcome.REFUSED, null, null, refused.reason().name(),
                    refused.reason().description());
        }
        WebhookDelivery delivery = ((WebhookVerification.Accepted) verification).delivery();
        String id = delivery.id();
        String type = delivery.event().type();
        State previous = seen.asMap().putIfAbsent(id, State.IN_FLIGHT);
        if (previous == State.DONE) {
            return new Receipt(204, Outcome.DUPLICATE, id, type, null, null);
        }
        if (previous == State.IN_FLIGHT) {
            return new Receipt(409, Outcome.IN_PROGRESS, id, type, null, "this delivery is being handled");
        }
        try {
            fire.accept(delivery.event());
        } catch (RuntimeException e) {
            seen.invalidate(id);
            LOG.warnf(e, "An observer of Hexclave webhook event %s (delivery %s) failed: answered 503, Hexclave will "
                    + "retry", type, id);
            return new Receipt(503, Outcome.OBSERVER_FAILED, id, type, e.getClass().getName(),
                    "an observer of the event failed");
        }
        seen.put(id, State.DONE);
        LOG.debugf("Hexclave webhook event %s (delivery %s) delivered", type, id);
        return new Receipt(204, Outcome.DELIVERED, id, type, null, null);
    }

    /** How many delivery ids are remembered now. */
    int remembered() {
        seen.cleanUp();
        return (int) seen.estimatedSize();
    }
}
