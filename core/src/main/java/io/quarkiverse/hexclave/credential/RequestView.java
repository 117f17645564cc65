package io.quarkiverse.hexclave.credential;

import java.util.Map;

/**
 * The little {@link HexclaveCredentials} needs of a request: header values and cookies. Each container adapts
 * its own request in one line (Vert.x, Servlet, JAX-RS, a test's map).
 */
public interface RequestView {

    /** The first value of the header {@code name} (matched case-insensitively), or {@code null}. */
    String header(String name);

    /**
     * The request's cookies by name, values as sent (still percent-encoded). Only called when the cookie source is
     * reached, so building the map may allocate.
     */
    Map<String, String> cookies();

    /** A view over plain maps; header names are matched case-insensitively. */
    static RequestView of(Map<String, String> headers, Map<String, String> cookies) {
        Map<String, String> h = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        h.putAll(headers);
        Map<String, String> c = Map.copyOf(cookies);
        return new RequestView() {
            @Override
            public String header(String name) {
                return h.get(name);
            }

            @Override
            public Map<String, String> cookies() {
                return c;
            }
        };
    }
}
