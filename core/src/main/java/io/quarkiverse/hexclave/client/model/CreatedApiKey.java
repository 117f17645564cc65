package io.quarkiverse.hexclave.client.model;

import java.util.Objects;

import io.quarkiverse.hexclave.config.Secret;

/**
 * A newly created API key. Hexclave hands out {@link #value()} this once and never again: give it to whoever will
 * use the key, and do not store it. {@link #toString()} shows the key's description but not its value.
 *
 * @param key the key's description (id, owner, last four characters …)
 * @param value the key itself ({@code sk_…} or {@code pk_…}), as a {@link Secret}
 */
public record CreatedApiKey(ApiKey key, Secret value) {
    public CreatedApiKey {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
    }
}
