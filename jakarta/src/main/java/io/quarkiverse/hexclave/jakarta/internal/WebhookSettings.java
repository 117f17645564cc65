package io.quarkiverse.hexclave.jakarta.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.quarkiverse.hexclave.config.ConfigLookup;
import io.quarkiverse.hexclave.config.HexclaveConfigException;
import io.quarkiverse.hexclave.config.Secret;
import io.quarkiverse.hexclave.webhook.WebhookReceiver;
import io.quarkiverse.hexclave.webhook.WebhookVerifier;

/**
 * The {@code hexclave.webhook.*} keys of the Jakarta adapter, read when the application starts: a malformed secret or
 * duration fails the deployment with a message naming the key (never the secret).
 *
 * @param receiver the webhook endpoint logic, or empty when {@code hexclave.webhook.secret} is not set (then
 *        {@code HexclaveWebhookServlet} answers 404)
 */
public record WebhookSettings(Optional<WebhookReceiver> receiver) {

    public static final String SECRET = "hexclave.webhook.secret";
    public static final String TOLERANCE = "hexclave.webhook.tolerance";
    public static final String DEDUPLICATION_WINDOW = "hexclave.webhook.deduplication-window";
    public static final String DEDUPLICATION_SIZE = "hexclave.webhook.deduplication-size";

    public static WebhookSettings from(ConfigLookup lookup) {
        Secret secret = Secret.ofNullable(lookup.get(SECRET).orElse(null));
        Duration tolerance = lookup.duration(TOLERANCE).orElse(WebhookVerifier.DEFAULT_TOLERANCE);
        Duration window = lookup.duration(DEDUPLICATION_WINDOW).orElse(WebhookReceiver.DEFAULT_DEDUPLICATION_WINDOW);
        int size = lookup.integer(DEDUPLICATION_SIZE).orElse(WebhookReceiver.DEFAULT_DEDUPLICATION_SIZE);
        if (tolerance.isNegative() || tolerance.isZero()) {
            throw new HexclaveConfigException("webhook.tolerance", "{key} must be positive");
        }
        if (window.isNegative() || window.isZero() || size < 1) {
            throw new HexclaveConfigException("webhook.deduplication-size", "{key} and {prefix}webhook."
                    + "deduplication-window must be positive");
        }
        if (secret == null) {
            return new WebhookSettings(Optional.empty());
        }
        WebhookVerifier verifier = new WebhookVerifier(List.of(secret), tolerance, Clock.systemUTC());
        return new WebhookSettings(Optional.of(new WebhookReceiver(verifier, window, size)));
    }

    @Override
    public String toString() {
        return "WebhookSettings[enabled=" + receiver.isPresent() + "]";
    }
}
