package io.quarkiverse.hexclave.client.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The body of a write call: the fields that were set, by wire name, and nothing else (Hexclave rejects unknown fields
 * and unexpected nulls). A {@code null} value is sent as JSON {@code null}, which clears a nullable field.
 * {@link #toString()} lists field names only, never values (a password or metadata may be among them).
 */
public abstract class RequestBody {

    private final Map<String, Object> fields;

    RequestBody(Map<String, Object> fields) {
        this.fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
    }

    /** Wire names to values of the fields that were set; a {@code null} value is sent as JSON {@code null}. */
    public final Map<String, Object> fields() {
        return fields;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[fields=" + fields.keySet() + "]";
    }
}
