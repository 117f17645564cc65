package io.quarkiverse.hexclave.emulator.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which browser origins may call the emulator, and the CORS headers that tell a browser so. An origin pattern is an
 * exact origin ({@code https://app.example.com}), an origin with any port ({@code http://localhost:*}), or {@code *}
 * (every origin). Preflights are allowed for the headers the JS SDK sends: every {@code x-stack-*} and
 * {@code x-hexclave-*} header, {@code content-type}, {@code authorization} and the few others it adds; the protocol
 * response headers it reads (known error, actual status, request id) are exposed. No cookies are involved (the SDK
 * sends {@code credentials: "omit"}), so no {@code Access-Control-Allow-Credentials}.
 */
public final class CorsPolicy {

    /** The default: dev servers on localhost and 127.0.0.1, any port. */
    public static final List<String> LOCAL_DEV_ORIGINS = List.of("http://localhost:*", "http://127.0.0.1:*");

    static final String ALLOWED_METHODS = "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS";
    private static final Set<String> ALLOWED_PLAIN_HEADERS = Set.of("content-type", "authorization", "accept",
            "accept-language", "content-language", "content-encoding", "ngrok-skip-browser-warning");
    static final String EXPOSED_HEADERS = "x-hexclave-request-id, x-stack-request-id, x-hexclave-known-error, "
            + "x-stack-known-error, x-hexclave-actual-status, x-stack-actual-status, retry-after";
    /** How long a browser may cache a preflight answer (Chromium caps this at 2 hours). */
    static final String MAX_AGE_SECONDS = "7200";

    private final List<String> patterns;

    /**
     * @param patterns origin patterns (see the class comment)
     * @throws IllegalArgumentException for a pattern that is not {@code *} nor {@code scheme://host[:port|:*]}
     */
    public CorsPolicy(List<String> patterns) {
        List<String> normalized = new ArrayList<>();
        for (String p : patterns) {
            String v = p == null ? "" : p.trim().toLowerCase(Locale.ROOT);
            if (v.endsWith("/")) {
                v = v.substring(0, v.length() - 1);
            }
            if (!v.equals("*") && !v.matches("https?://[^/:*\\s]+(:(\\d{1,5}|\\*))?")) {
                throw new IllegalArgumentException("A CORS origin is '*' or scheme://host[:port], where the port may be '*': "
                        + p);
            }
            normalized.add(v);
        }
        this.patterns = List.copyOf(normalized);
    }

    public List<String> patterns() {
        return patterns;
    }

    /** Whether a request's {@code Origin} is allowed. */
    public boolean allows(String origin) {
        if (origin == null) {
            return false;
        }
        String o = origin.toLowerCase(Locale.ROOT);
        for (String p : patterns) {
            if (p.equals("*") || p.equals(o)) {
                return true;
            }
            if (p.endsWith(":*")) {
                String base = p.substring(0, p.length() - 2);
                if (o.equals(base) || (o.startsWith(base + ":") && o.substring(base.length() + 1).matches("\\d{1,5}"))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The CORS headers of an ordinary response to a request with this {@code Origin} (none when not allowed). */
    Map<String, String> responseHeaders(String origin) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Vary", "Origin");
        if (allows(origin)) {
            h.put("Access-Control-Allow-Origin", origin);
            h.put("Access-Control-Expose-Headers", EXPOSED_HEADERS);
        }
        return h;
    }

    /**
     * The answer to a preflight ({@code OPTIONS} with {@code Access-Control-Request-Method}): 204, with the CORS headers
     * when the origin, the method and every requested header are allowed, and without them otherwise (the browser then
     * blocks the request and names the reason in its console).
     */
    ApiResponse preflight(String origin, String requestMethod, String requestHeaders) {
        ApiResponse r = ApiResponse.empty(204);
        r.header("Vary", "Origin, Access-Control-Request-Method, Access-Control-Request-Headers");
        if (!allows(origin) || !ALLOWED_METHODS.contains(requestMethod.trim().toUpperCase(Locale.ROOT))) {
            return r;
        }
        List<String> requested = new ArrayList<>();
        if (requestHeaders != null) {
            for (String name : requestHeaders.split(",")) {
                String n = name.trim().toLowerCase(Locale.ROOT);
                if (n.isEmpty()) {
                    continue;
                }
                if (!allowedHeader(n)) {
                    return r;
                }
                requested.add(n);
            }
        }
        r.header("Access-Control-Allow-Origin", origin);
        r.header("Access-Control-Allow-Methods", ALLOWED_METHODS);
        if (!requested.isEmpty()) {
            r.header("Access-Control-Allow-Headers", String.join(", ", requested));
        }
        r.header("Access-Control-Max-Age", MAX_AGE_SECONDS);
        return r;
    }

    static boolean allowedHeader(String lowerCaseName) {
        return ALLOWED_PLAIN_HEADERS.contains(lowerCaseName) || lowerCaseName.startsWith("x-stack-")
                || lowerCaseName.startsWith("x-hexclave-");
    }

    @Override
    public String toString() {
        return "CorsPolicy" + patterns;
    }
}
