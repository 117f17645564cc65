package io.quarkiverse.hexclave.runtime.webhook;

import java.time.Clock;

import org.jboss.logging.Logger;

import io.quarkiverse.hexclave.webhook.HexclaveEvent;
import io.quarkiverse.hexclave.webhook.WebhookReceiver;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RequestBody;
import io.vertx.ext.web.RoutingContext;

/**
 * The webhook route (runs on a worker thread): core's {@link WebhookReceiver} verifies, deduplicates and decides the
 * answer; this class fires the {@link HexclaveEvent} as a synchronous CDI event with a request context active (so
 * observers of the record type and of {@code HexclaveEvent} receive it), renders the answer and records it for the
 * Dev UI. Never 500, and a refused delivery never fires anything.
 */
public final class WebhookHandler implements Handler<RoutingContext> {

    private static final Logger LOG = Logger.getLogger(WebhookHandler.class);

    private final WebhookReceiver receiver;
    private final WebhookDeliveryLog log;
    private final Clock clock;

    WebhookHandler(WebhookReceiver receiver, WebhookDeliveryLog log, Clock clock) {
        this.receiver = receiver;
        this.log = log;
        this.clock = clock;
    }

    @Override
    public void handle(RoutingContext ctx) {
        WebhookReceiver.Receipt receipt;
        try {
            RequestBody requestBody = ctx.body();
            Buffer buffer = requestBody == null ? null : requestBody.buffer();
            byte[] body = buffer == null ? new byte[0] : buffer.getBytes();
            receipt = receiver.receive(body, name -> ctx.request().getHeader(name), WebhookHandler::fire);
        } catch (RuntimeException e) { // our own failure: still not a 500, and Hexclave retries
            LOG.warnf(e, "Hexclave webhook delivery could not be handled");
            receipt = new WebhookReceiver.Receipt(503, WebhookReceiver.Outcome.OBSERVER_FAILED, null, null,
                    e.getClass().getName(), "webhook delivery could not be handled");
        }
        log.add(new WebhookDeliveryLog.Entry(clock.instant(), receipt.id(), receipt.type(), receipt.outcome(),
                receipt.status(), receipt.detail()));
        String error = receipt.errorJson();
        if (error == null) {
            ctx.response().setStatusCode(receipt.status()).end();
        } else {
            ctx.response().setStatusCode(receipt.status()).putHeader("Content-Type", "application/json").end(error);
        }
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
}
