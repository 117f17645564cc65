package io.quarkiverse.hexclave.runtime.webhook;

import java.time.Clock;
import java.time.Duration;

import org.jboss.logging.Logger;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.quarkiverse.hexclave.webhook.HexclaveEvent;
import io.quarkiverse.hexclave.webhook.WebhookDelivery;
import io.quarkiverse.hexclave.webhook.WebhookVerification;
import io.quarkiverse.hexclave.webhook.WebhookVerifier;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RequestBody;
import io.vertx.ext.web.RoutingContext;

/**
 * The webhook route (runs on a worker thread): verifies a delivery with core's {@link WebhookVerifier}, then fires its
 * {@link HexclaveEvent} as a synchronous CDI event, with a request context active, so observers of the record type
 * and observers of {@code HexclaveEvent} receive it.
 * <p>
 * Answers: 204 once every observer returned; 204 without firing for an id already delivered within the deduplication
 * window; 409 while the same id is being delivered; 503 when an observer threw (the id is not remembered, so
 * Hexclave's retry fires it again); the refusal's status (401, 400) for a delivery that does not verify. Never 500,
 * and a refused delivery never fires anything.
 */
public final class WebhookHandler implements Handler<RoutingContext> {

    private static final Logger LOG = Logger.getLogger(WebhookHandler.class);

    private enum State {
        IN_FLIGHT,
        DONE
    }

    private final WebhookVerifier verifier;
    private final Cache<String, State> seen;
    private final WebhookDeliveryLog log;
    private final Clock clock;

    WebhookHandler(WebhookVerifier verifier, Duration deduplicationWindow, int deduplicationSize,
            WebhookDeliveryLog log, Clock clock) {
        this.verifier = verifier;
        this.seen = Caffeine.newBuilder().maximumSize(deduplicationSize).expireAfterWrite(deduplicationWindow)
                .executor(Runnable::run).build();
        this.log = log;
        this.clock = clock;
    }

    @Override
    public void handle(RoutingContext ctx) {
        try {
            RequestBody requestBody = ctx.body();
            Buffer buffer = requestBody == null ? null : requestBody.buffer();
            byte[] body = buffer == null ? new byte[0] : buffer.getBytes();
            WebhookVerification verification = verifier.verify(body, name -> ctx.request().getHeader(name));
            if (verification instanceof WebhookVerification.Refused refused) {
                LOG.debugf("Hexclave webhook delivery refused: %s (%s)", refused.reason(), refused.safeDetail());
                record(null, null, WebhookDeliveryLog.Outcome.REFUSED, refused.reason().httpStatus(),
                        refused.reason().name());
                answer(ctx, refused.reason().httpStatus(), refused.reason().description());
                return;
            }
            deliver(ctx, ((WebhookVerification.Accepted) verification).delivery());
        } catch (RuntimeException e) { // our own failure: still not a 500, and Hexclave retries
            LOG.warnf(e, "Hexclave webhook delivery could not be handled");
            answer(ctx, 503, "webhook delivery could not be handled");
        }
    }

    private void deliver(RoutingContext ctx, WebhookDelivery delivery) {
        String id = delivery.id();
        String type = delivery.event().type();
        State previous = seen.asMap().putIfAbsent(id, State.IN_FLIGHT);
        if (previous == State.DONE) {
            record(id, type, WebhookDeliveryLog.Outcome.DUPLICATE, 204, null);
            ctx.response().setStatusCode(204).end();
            return;
        }
        if (previous == State.IN_FLIGHT) {
            record(id, type, WebhookDeliveryLog.Outcome.IN_PROGRESS, 409, null);
            answer(ctx, 409, "this delivery is being handled");
            return;
        }
        try {
            fire(delivery.event());
        } catch (RuntimeException e) {
            seen.invalidate(id);
            LOG.warnf(e, "An observer of Hexclave webhook event %s (delivery %s) failed: answered 503, Hexclave "
                    + "will retry", type, id);
            record(id, type, WebhookDeliveryLog.Outcome.OBSERVER_FAILED, 503, e.getClass().getName());
            answer(ctx, 503, "an observer of the event failed");
            return;
        }
        seen.put(id, State.DONE);
        LOG.debugf("Hexclave webhook event %s (delivery %s) delivered", type, id);
        record(id, type, WebhookDeliveryLog.Outcome.DELIVERED, 204, null);
        ctx.response().setStatusCode(204).end();
    }

    private static void fire(HexclaveEvent event) {
        ManagedContext requestContext = Arc.container().requestContext();
        boolean activated = !requestContext.isActive();
        if (activated) {
            requestContext.activate();
        }
        try {
            Arc.container().beanManager().getEvent().fire(event);
        } finally {
            if (activated) {
                requestContext.terminate();
            }
        }
    }

    private void record(String id, String type, WebhookDeliveryLog.Outcome outcome, int status, String detail) {
        log.add(new WebhookDeliveryLog.Entry(clock.instant(), id, type, outcome, status, detail));
    }

    private static void answer(RoutingContext ctx, int status, String error) {
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/json")
                .end(new JsonObject().put("error", error).encode());
    }
}
