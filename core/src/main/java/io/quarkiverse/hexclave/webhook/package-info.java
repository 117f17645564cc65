/**
 * Hexclave webhooks (wire reference §12): {@link io.quarkiverse.hexclave.webhook.WebhookVerifier} checks a delivery's
 * Svix signature and turns its body into a typed {@link io.quarkiverse.hexclave.webhook.HexclaveEvent}, or refuses it
 * with a typed {@link io.quarkiverse.hexclave.webhook.WebhookRefusal}. No container needed; the Quarkus extension and
 * the Jakarta module put an HTTP endpoint in front of it and fire the events as CDI events.
 */
package io.quarkiverse.hexclave.webhook;
