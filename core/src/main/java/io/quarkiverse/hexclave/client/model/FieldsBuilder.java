package io.quarkiverse.hexclave.client.model;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What every request builder shares: the fields set so far, by wire name. A field never set is not sent, so Hexclave
 * leaves it alone; a {@code null} value is an explicit clear.
 *
 * @param <B> the concrete builder
 */
public abstract class FieldsBuilder<B extends FieldsBuilder<B>> {

    /** Wire name to value; a {@code null} value is an explicit clear. */
    protected final Map<String, Object> fields = new LinkedHashMap<>();

    FieldsBuilder() {
    }

    @SuppressWarnings("unchecked")
    protected B set(String name, Object value) {
        fields.put(name, value);
        return (B) this;
    }

    /** Sets a field that must not be blank (it is sent stripped when {@code strip}). */
    protected B setNonBlank(String name, String value, boolean strip) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return set(name, strip ? value.strip() : value);
    }
}
