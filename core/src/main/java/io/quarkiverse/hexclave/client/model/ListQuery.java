package io.quarkiverse.hexclave.client.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The query parameters of a list call ({@code GET /users}, {@code /teams}, {@code /team-permissions} …), in the order
 * they were set. Only parameters that were set are sent: Hexclave
 * rejects unknown ones, and its defaults apply to the rest.
 */
public abstract class ListQuery {

    private final Map<String, String> parameters;

    ListQuery(Map<String, String> parameters) {
        this.parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    /** The query parameters to send, in the order they were set. */
    public final Map<String, String> parameters() {
        return parameters;
    }

    /** The page size, if set. */
    public final Optional<Integer> limit() {
        return Optional.ofNullable(parameters.get("limit")).map(Integer::valueOf);
    }

    @Override
    public final boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && ((ListQuery) o).parameters.equals(parameters);
    }

    @Override
    public final int hashCode() {
        return parameters.hashCode();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + parameters;
    }

    /**
     * What the builders of list queries share.
     *
     * @param <B> the concrete builder
     */
    public abstract static class Builder<B extends Builder<B>> {

        /** The parameters set so far. */
        protected final Map<String, String> p;

        Builder(Map<String, String> p) {
            this.p = p;
        }

        @SuppressWarnings("unchecked")
        protected final B self() {
            return (B) this;
        }

        protected B put(String key, String value) {
            p.put(key, value);
            return self();
        }

        /** Sets {@code key} to the stripped value, or removes it when the value is {@code null} or blank. */
        protected B putOrRemove(String key, String value) {
            if (value == null || value.isBlank()) {
                p.remove(key);
                return self();
            }
            return put(key, value.strip());
        }

        /** Sets {@code key} to the stripped value, refusing {@code null} and blank values. */
        protected B putNonBlank(String key, String value) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException(key + " must not be blank");
            }
            return put(key, value.strip());
        }

        /** Sets {@code limit}, refusing values outside 1 to {@code max}. */
        protected B putLimit(int limit, int max) {
            if (limit < 1 || limit > max) {
                throw new IllegalArgumentException("limit must be between 1 and " + max + ", got " + limit);
            }
            return put("limit", Integer.toString(limit));
        }
    }
}
