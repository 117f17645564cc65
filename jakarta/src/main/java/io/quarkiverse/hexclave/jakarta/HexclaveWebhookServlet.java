package io.quarkiverse.hexclave.jakarta;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.function.Consumer;

import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.jboss.logging.Logger;

import io.quarkiverse.hexclave.jakarta.internal.HexclaveComponents;
import io.quarkiverse.hexclave.webhook.HexclaveEvent;
import io.quarkiverse.hexclave.webhook.WebhookReceiver;

/**
 * Receives Hexclave's webhook deliveries and fires each as a CDI event (the record of its type, so observers of
 * {@code HexclaveEvent.UserDeleted} and of {@code HexclaveEvent} receive it), the same way as the Quarkus extension's
 * route: core's {@link WebhookReceiver} verifies the Svix signature with {@code hexclave.webhook.secret}, skips a
 * delivery id already delivered, and decides the answer (204; 401/400 for a refused delivery, never fired; 409 while
 * the same id is handled; 503 when an observer threw, so that Hexclave retries). Never 500.
 * <p>
 * Not registered by itself: the application enables it at the path it gives Hexclave, e.g.
 * <pre>{@code
 * @WebServlet("/hexclave/webhook")
 * public class HexclaveWebhook extends HexclaveWebhookServlet {
 * }
 * }</pre>
 * or with a {@code <servlet>} of this class in {@code web.xml}. Without {@code hexclave.webhook.secret} it answers
 * 404. Deliveries carry no user token: keep the path out of security constraints that require a role.
 */
public class HexclaveWebhookServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(HexclaveWebhookServlet.class);
    /** The largest body read (Hexclave's events are a few KiB); a larger one is answered 413 unread. */
    static final int MAX_BODY = 1024 * 1024;

    @Inject
    transient HexclaveComponents components;

    @Inject
    transient Event<Object> events;

    /** Fires through {@link #events} when {@code null} (the CDI case). */
    private final transient Consumer<HexclaveEvent> fire;

    /** For the container: collaborators are injected. */
    public HexclaveWebhookServlet() {
        this.fire = null;
    }

    /** With explicit collaborators, for tests: {@code fire} stands for CDI's {@code Event#fire}. */
    public HexclaveWebhookServlet(HexclaveComponents components, Consumer<HexclaveEvent> fire) {
        this.components = components;
        this.fire = fire;
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<WebhookReceiver> receiver = components.webhookSettings().receiver();
        if (receiver.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(MAX_BODY + 1);
        }
        if (body.length > MAX_BODY) {
            response.setStatus(413);
            return;
        }
        WebhookReceiver.Receipt receipt;
        try {
            receipt = receiver.get().receive(body, request::getHeader, this::fire);
        } catch (RuntimeException e) { // our own failure: still not a 500, and Hexclave retries
            LOG.warnf(e, "Hexclave webhook delivery could not be handled");
            receipt = new WebhookReceiver.Receipt(503, WebhookReceiver.Outcome.OBSERVER_FAILED, null, null,
                    e.getClass().getName(), "webhook delivery could not be handled");
        }
        response.setStatus(receipt.status());
        String error = receipt.errorJson();
        if (error != null) {
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write(error);
        }
    }

    private void fire(HexclaveEvent event) {
        if (fire != null) {
            fire.accept(event);
        } else {
            events.fire(event); // observers resolve on the runtime type: the record and its supertype
        }
    }
}
