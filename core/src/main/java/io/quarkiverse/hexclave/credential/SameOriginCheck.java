package io.quarkiverse.hexclave.credential;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;

/**
 * The CSRF guard of cookie credentials. The browser sends the {@code hexclave-access} cookie with every same-site
 * request, including a form another site posts, so a request authenticated by that cookie with an unsafe method (not
 * {@code GET}, {@code HEAD} or {@code OPTIONS}) must show that it comes from this site:
 * <ul>
 * <li>{@code Sec-Fetch-Site: same-origin} or {@code same-site} (sent by every current browser), or else</li>
 * <li>an {@code Origin} whose scheme, host and port are the request's own (the scheme and host the server
 * sees: behind a TLS-terminating proxy, let the server know the forwarded scheme and host).</li>
 * </ul>
 * Anything else ({@code Sec-Fetch-Site: cross-site} or {@code none}, no signal at all, {@code Origin: null}, another
 * origin) fails; adapters answer {@link io.quarkiverse.hexclave.verifier.Challenge#crossSite()}, see
 * {@link HexclaveCredentials#refusesCrossSite}. Credentials from
 * headers are never checked: a browser does not add them to another site's requests. Note that {@code same-site}
 * includes sibling subdomains. Thread-safe, stateless.
 */
final class SameOriginCheck {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    private static final Set<String> SAME_SITE = Set.of("same-origin", "same-site");

    private SameOriginCheck() {
    }

    /** Whether {@code method} is safe ({@code GET}, {@code HEAD}, {@code OPTIONS}): no same-origin signal needed. */
    static boolean isSafe(String method) {
        return method != null && SAFE_METHODS.contains(method.toUpperCase(Locale.ROOT));
    }

    /**
     * Whether a request authenticated by a cookie may go on: a safe method, or a same-origin signal.
     *
     * @param method the HTTP method
     * @param scheme the request's scheme as the server sees it ({@code http} or {@code https})
     * @param host the request's host (its {@code Host} header without the port)
     * @param port the request's port, or {@code -1} for the scheme's default
     * @param request the request's headers
     */
    static boolean passes(String method, String scheme, String host, int port, RequestView request) {
        if (isSafe(method)) {
            return true;
        }
        String fetchSite = request.header("Sec-Fetch-Site");
        if (fetchSite != null && SAME_SITE.contains(fetchSite.strip().toLowerCase(Locale.ROOT))) {
            return true;
        }
        String origin = request.header("Origin");
        return origin != null && scheme != null && host != null && sameOrigin(origin.strip(), scheme, host, port);
    }

    private static boolean sameOrigin(String origin, String scheme, String host, int port) {
        URI uri;
        try {
            uri = new URI(origin);
        } catch (URISyntaxException e) {
            return false; // "null" (an opaque origin) and garbage never match
        }
        if (uri.getScheme() == null || uri.getHost() == null || uri.getRawPath() != null && !uri.getRawPath().isEmpty()
                || uri.getRawUserInfo() != null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
            return false;
        }
        String s = scheme.toLowerCase(Locale.ROOT);
        return uri.getScheme().equalsIgnoreCase(s)
                && hostName(uri.getHost()).equals(hostName(host))
                && effectivePort(uri.getScheme(), uri.getPort()) == effectivePort(s, port);
    }

    private static String hostName(String host) {
        String h = host.strip().toLowerCase(Locale.ROOT);
        return h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h;
    }

    private static int effectivePort(String scheme, int port) {
        if (port >= 0) {
            return port;
        }
        return switch (scheme.toLowerCase(Locale.ROOT)) {
            case "https", "wss" -> 443;
            case "http", "ws" -> 80;
            default -> -1;
        };
    }
}
