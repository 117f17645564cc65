package io.quarkiverse.hexclave.runtime.webhook;

import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;

import io.quarkiverse.hexclave.config.HexclaveConfigException;
import io.quarkiverse.hexclave.config.Secret;
import io.quarkiverse.hexclave.runtime.HexclaveConfig;
import io.quarkiverse.hexclave.runtime.HexclaveRecorder;
import io.quarkiverse.hexclave.webhook.WebhookReceiver;
import io.quarkiverse.hexclave.webhook.WebhookVerifier;
import io.quarkus.runtime.RuntimeValue;
import io.quarkus.runtime.annotations.Recorder;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.RoutingContext;

/**
 * The webhook route's run-time side. The route itself is registered at build time (its path is build-time config); at
 * start-up it is enabled only when {@code quarkus.hexclave.webhook.secret} is set, and disabled (no route: the
 * application answers as for any unknown path) otherwise.
 */
@Recorder
public class WebhookRecorder {

    private final RuntimeValue<HexclaveConfig> config;

    public WebhookRecorder(RuntimeValue<HexclaveConfig> config) {
        this.config = config;
    }

    /** The Dev UI's record of the last deliveries. */
    public RuntimeValue<WebhookDeliveryLog> deliveryLog() {
        return new RuntimeValue<>(new WebhookDeliveryLog());
    }

    /** Configures the route: {@code POST} only, with the body read first; disabled when no secret is configured. */
    public Consumer<Route> route(Handler<RoutingContext> bodyHandler) {
        boolean enabled = secret() != null;
        return route -> {
            route.method(HttpMethod.POST);
            if (enabled) {
                route.handler(bodyHandler);
            } else {
                route.disable();
            }
        };
    }

    /**
     * The route's handler.
     *
     * @throws HexclaveConfigException naming {@code quarkus.hexclave.webhook.secret} when the secret is malformed
     */
    public Handler<RoutingContext> handler(RuntimeValue<WebhookDeliveryLog> log) {
        Secret secret = secret();
        if (secret == null) {
            return RoutingContext::next; // never reached: the route is disabled
        }
        HexclaveConfig.Webhook c = config.getValue().webhook();
        WebhookVerifier verifier;
        try {
            verifier = new WebhookVerifier(List.of(secret), c.tolerance(), Clock.systemUTC());
        } catch (HexclaveConfigException e) {
            throw e.renderedFor(HexclaveRecorder.PREFIX);
        } catch (IllegalArgumentException e) {
            throw new HexclaveConfigException("webhook.tolerance", "{key} must be positive")
                    .renderedFor(HexclaveRecorder.PREFIX);
        }
        if (c.deduplicationSize() < 1 || c.deduplicationWindow().isNegative() || c.deduplicationWindow().isZero()) {
            throw new HexclaveConfigException("webhook.deduplication-size", "{key} and {prefix}webhook."
                    + "deduplication-window must be positive").renderedFor(HexclaveRecorder.PREFIX);
        }
        return new WebhookHandler(new WebhookReceiver(verifier, c.deduplicationWindow(), c.deduplicationSize()),
                log.getValue(), Clock.systemUTC());
    }

    private Secret secret() {
        return Secret.ofNullable(config.getValue().webhook().secret().orElse(null));
    }
}
