package io.quarkiverse.hexclave.client;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A response as a {@link HexclaveTransport} received it. {@link #toString()} omits the body, which may hold tokens.
 *
 * @param status the HTTP status line's code
 * @param headers response headers; looked up case-insensitively by {@link #header(String)}
 * @param body the body as text ({@code ""} when empty)
 */
public record HexclaveResponse(int status, Map<String, List<String>> headers, String body) {

    public HexclaveResponse {
        Map<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (headers != null) {
            headers.forEach((k, v) -> {
                if (k != null) {
                    copy.put(k.toLowerCase(Locale.ROOT), List.copyOf(v));
                }
            });
        }
        headers = copy;
        body = body == null ? "" : body;
    }

    /** The first value of a header, case-insensitive. */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.ofNullable(values.get(0));
    }

    /** The {@code x-hexclave-*} header, else its {@code x-stack-*} alias. */
    public Optional<String> hexclaveHeader(String suffix) {
        return header("x-hexclave-" + suffix).or(() -> header("x-stack-" + suffix));
    }

    @Override
    public String toString() {
        return "HexclaveResponse[status=" + status + ", body=" + body.length() + " chars]";
    }
}
