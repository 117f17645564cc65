package io.quarkiverse.hexclave.client;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * One HTTP exchange a {@link HexclaveTransport} performs: the client has already chosen the method, the absolute URI,
 * every header and the JSON body. Retries happen above the transport, so a transport sends exactly once.
 * <p>
 * {@link #toString()} masks the headers that carry keys and tokens and omits the body (it may hold a password).
 *
 * @param method {@code GET}, {@code POST}, {@code PATCH}, {@code PUT}, {@code DELETE} or {@code HEAD}
 * @param uri absolute URI, {@code {apiUrl}/api/v1/...}
 * @param headers header names (lower case) to values
 * @param body the JSON body, or {@code null}
 * @param timeout how long to wait for the response
 * @param operation the call's method and path template under {@code /api/v1}, every id replaced by {@code {id}}
 *        ({@code GET /users/{id}}): low-cardinality, for metrics and tracing; {@code null} when the sender did not say
 *        (key fetches)
 */
public record HexclaveRequest(String method, URI uri, Map<String, String> headers, String body, Duration timeout,
        String operation) {

    private static final Set<String> SECRET_HEADERS = Set.of("x-hexclave-secret-server-key", "x-hexclave-access-token",
            "x-hexclave-refresh-token", "x-stack-secret-server-key", "x-stack-access-token", "x-stack-refresh-token");

    public HexclaveRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(timeout, "timeout");
        headers = Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    /** A request whose operation is not named ({@link #operation()} {@code null}). */
    public HexclaveRequest(String method, URI uri, Map<String, String> headers, String body, Duration timeout) {
        this(method, uri, headers, body, timeout, null);
    }

    /** This request with {@code headers} instead of its own (a tracing decorator adds {@code traceparent}). */
    public HexclaveRequest withHeaders(Map<String, String> headers) {
        return new HexclaveRequest(method, uri, headers, body, timeout, operation);
    }

    /** Whether repeating this request cannot change the outcome ({@code GET}, {@code HEAD}, {@code PUT}, {@code DELETE}). */
    public boolean idempotent() {
        return switch (method) {
            case "GET", "HEAD", "PUT", "DELETE" -> true;
            default -> false;
        };
    }

    /** The body as UTF-8 bytes, if any. */
    public Optional<byte[]> bodyBytes() {
        return Optional.ofNullable(body).map(b -> b.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        Map<String, String> shown = new TreeMap<>();
        headers.forEach((k, v) -> shown.put(k, SECRET_HEADERS.contains(k.toLowerCase(java.util.Locale.ROOT)) ? "****" : v));
        return "HexclaveRequest[" + method + " " + uri + ", headers=" + shown
                + (body == null ? "" : ", body=" + body.length() + " chars") + "]";
    }
}
