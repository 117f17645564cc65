package io.quarkiverse.hexclave.credential;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkiverse.hexclave.config.HexclaveSettings;
import io.quarkiverse.hexclave.config.Secret;
import io.quarkiverse.hexclave.internal.WireJson;
import io.quarkiverse.hexclave.verifier.AccessToken;

/**
 * Finds a Hexclave credential in a request, in the order of the Hexclave wire reference §4:
 * <ol>
 * <li>{@code Authorization: Bearer stackauth_<base64 JSON>} (or {@code hexclave_…}), what the JS SDK's
 * {@code getAuthorizationHeader()} produces;</li>
 * <li>{@code Authorization: Bearer <jwt>}, a raw access token;</li>
 * <li>{@code x-hexclave-access-token} / {@code x-stack-access-token} (+ {@code x-*-refresh-token});</li>
 * <li>the legacy {@code x-stack-auth: {"accessToken":…,"refreshToken":…}} header;</li>
 * <li>the {@code hexclave-access} / {@code stack-access} cookie, trusted only when its refresh token matches the
 * project's refresh cookie ({@code __Host-} refresh cookies preferred over unprefixed ones).</li>
 * </ol>
 * Sources switched off in {@link HexclaveSettings#credentialSources()} are skipped. The algorithm lives here once;
 * Quarkus, Jakarta and non-HTTP callers only adapt their request to a {@link RequestView}. Thread-safe.
 */
public final class HexclaveCredentials {

    /**
     * Longest header or cookie value looked at (room for an access and a refresh token in base64 JSON); longer ones
     * are malformed, not decoded.
     */
    static final int MAX_VALUE_LENGTH = 2 * AccessToken.MAX_LENGTH;

    private static final String[] AUTH_PREFIXES = { "hexclave_", "stackauth_" };

    private final Set<CredentialSource> sources;
    private final String hexclaveRefreshPrefix;
    private final String hostHexclaveRefreshPrefix;
    private final String legacyRefreshPrefix;
    private final String hostLegacyRefreshPrefix;
    private final String legacyPlainRefreshName;
    private final boolean crossSiteCheck;

    public HexclaveCredentials(HexclaveSettings settings) {
        this(settings.projectId(), settings.credentialSources(), settings.cookieCrossSiteCheck());
    }

    /** With the cross-site check of cookie credentials on. */
    public HexclaveCredentials(String projectId, Set<CredentialSource> sources) {
        this(projectId, sources, HexclaveSettings.Defaults.COOKIE_CROSS_SITE_CHECK);
    }

    /**
     * @param projectId the project whose refresh cookies are read
     * @param sources where credentials are looked for
     * @param crossSiteCheck whether {@link #refusesCrossSite} applies the same-origin check to cookie credentials
     */
    public HexclaveCredentials(String projectId, Set<CredentialSource> sources, boolean crossSiteCheck) {
        Objects.requireNonNull(projectId, "projectId");
        this.crossSiteCheck = crossSiteCheck;
        this.sources = Set.copyOf(sources);
        this.hexclaveRefreshPrefix = "hexclave-refresh-" + projectId + "--";
        this.hostHexclaveRefreshPrefix = "__Host-" + hexclaveRefreshPrefix;
        this.legacyRefreshPrefix = "stack-refresh-" + projectId + "--";
        this.hostLegacyRefreshPrefix = "__Host-" + legacyRefreshPrefix;
        this.legacyPlainRefreshName = "stack-refresh-" + projectId;
    }

    /** Looks for a credential in {@code request}. Never throws for bad input: that is {@link CredentialLookup.Malformed}. */
    public CredentialLookup find(RequestView request) {
        String authorization = request.header("Authorization");
        if (authorization != null && (sources.contains(CredentialSource.AUTHORIZATION)
                || sources.contains(CredentialSource.BEARER))) {
            CredentialLookup fromAuthorization = fromAuthorization(authorization);
            if (!(fromAuthorization instanceof CredentialLookup.Absent)) {
                return fromAuthorization;
            }
        }
        if (sources.contains(CredentialSource.ACCESS_TOKEN_HEADER)) {
            String access = firstHeader(request, "x-hexclave-access-token", "x-stack-access-token");
            if (access != null) {
                if (access.length() > MAX_VALUE_LENGTH) {
                    return new CredentialLookup.Malformed(CredentialSource.ACCESS_TOKEN_HEADER, "access token header too long");
                }
                String refresh = firstHeader(request, "x-hexclave-refresh-token", "x-stack-refresh-token");
                return new CredentialLookup.Found(new HexclaveCredential(CredentialSource.ACCESS_TOKEN_HEADER,
                        Optional.ofNullable(Secret.ofNullable(access)), Optional.ofNullable(Secret.ofNullable(refresh))));
            }
        }
        if (sources.contains(CredentialSource.X_STACK_AUTH)) {
            String legacy = request.header("x-stack-auth");
            if (legacy != null && !legacy.isBlank()) {
                return fromAuthJson(legacy, CredentialSource.X_STACK_AUTH);
            }
        }
        if (sources.contains(CredentialSource.COOKIE)) {
            return fromCookies(request);
        }
        return CredentialLookup.ABSENT;
    }

    /**
     * Whether {@code credential} must not authenticate this request because it may be a cross-site request forgery:
     * the credential came from a cookie (which the browser adds to other sites' requests too), the method is not
     * {@code GET}, {@code HEAD} or {@code OPTIONS}, and the request shows no same-origin signal
     * ({@code Sec-Fetch-Site: same-origin}/{@code same-site}, or an {@code Origin} of the request's own scheme, host
     * and port). Adapters answer such a request with {@code Challenge.crossSite()} (403). Always {@code false} when
     * the check is turned off ({@code cookie.cross-site-check=false}) and for credentials from headers.
     *
     * @param method the request's HTTP method
     * @param scheme the request's scheme as the server sees it
     * @param host the request's host, without the port
     * @param port the request's port, or {@code -1} for the scheme's default
     * @param request the request's headers
     */
    public boolean refusesCrossSite(HexclaveCredential credential, String method, String scheme, String host, int port,
            RequestView request) {
        return crossSiteCheck && credential.source() == CredentialSource.COOKIE
                && !SameOriginCheck.passes(method, scheme, host, port, request);
    }

    /**
     * Reads a {@code getAuthJson()} object ({@code {"accessToken":…,"refreshToken":…}}) received outside HTTP, for
     * example in an RPC or WebSocket message.
     */
    public static CredentialLookup fromAuthJson(String json) {
        return fromAuthJson(json, CredentialSource.AUTH_JSON);
    }

    // ---------------------------------------------------------------------------------------------------------

    /**
     * The credential of an {@code Authorization: Bearer <credential>} header value (scheme case-insensitive, any
     * whitespace around the credential), or {@code null} for another scheme (Basic, Digest …) or none. The one reading
     * of a bearer value: tokens and API keys both use it.
     */
    public static String bearerValue(String authorization) {
        if (authorization == null) {
            return null;
        }
        String value = authorization.strip();
        if (value.length() < 7 || !value.regionMatches(true, 0, "Bearer", 0, 6) || !isWhitespace(value.charAt(6))) {
            return null;
        }
        return value.substring(7).strip();
    }

    private CredentialLookup fromAuthorization(String header) {
        String credential = bearerValue(header);
        if (credential == null) {
            return CredentialLookup.ABSENT; // Basic, Digest …: not ours
        }
        for (String prefix : AUTH_PREFIXES) {
            if (credential.startsWith(prefix)) {
                if (!sources.contains(CredentialSource.AUTHORIZATION)) {
                    return CredentialLookup.ABSENT;
                }
                return fromPrefixedAuthorization(credential.substring(prefix.length()));
            }
        }
        if (sources.contains(CredentialSource.BEARER)) {
            AccessToken token = AccessToken.of(credential);
            if (token.malformation() == null) {
                // Shaped like a compact JWS of at most AccessToken.MAX_LENGTH: possibly ours. Whether its issuer is
                // this project's is the verifier's question (HexclaveTokenVerifier#recognises).
                return new CredentialLookup.Found(new HexclaveCredential(CredentialSource.BEARER, token));
            }
        }
        return CredentialLookup.ABSENT; // an opaque, encrypted, oversized or foreign bearer token: not ours
    }

    private static CredentialLookup fromPrefixedAuthorization(String b64) {
        CredentialSource source = CredentialSource.AUTHORIZATION;
        if (b64.isEmpty()) {
            return new CredentialLookup.Malformed(source, "nothing after the Authorization header's prefix");
        }
        if (b64.length() > MAX_VALUE_LENGTH) {
            return new CredentialLookup.Malformed(source, "Authorization header too long");
        }
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(padBase64(b64));
        } catch (IllegalArgumentException e) {
            return new CredentialLookup.Malformed(source, "Authorization header is not valid base64");
        }
        return fromAuthJson(new String(decoded, StandardCharsets.UTF_8), source);
    }

    private static CredentialLookup fromAuthJson(String json, CredentialSource source) {
        if (json == null || json.length() > MAX_VALUE_LENGTH) {
            return new CredentialLookup.Malformed(source, "credential JSON missing or too long");
        }
        JsonNode node = WireJson.treeOrNull(json);
        if (node == null) {
            return new CredentialLookup.Malformed(source, "credential is not valid JSON");
        }
        if (!node.isObject()) {
            return new CredentialLookup.Malformed(source, "credential JSON is not an object");
        }
        JsonNode access = node.get("accessToken");
        JsonNode refresh = node.get("refreshToken");
        if (!isStringOrNull(access) || !isStringOrNull(refresh)) {
            return new CredentialLookup.Malformed(source, "accessToken and refreshToken must be strings or null");
        }
        return new CredentialLookup.Found(new HexclaveCredential(source, text(access), text(refresh)));
    }

    private CredentialLookup fromCookies(RequestView request) {
        Map<String, String> cookies = request.cookies();
        if (cookies == null || cookies.isEmpty()) {
            return CredentialLookup.ABSENT;
        }
        String accessCookie = cookies.get("hexclave-access");
        if (accessCookie == null || accessCookie.isBlank()) {
            accessCookie = cookies.get("stack-access");
        }
        if (accessCookie == null || accessCookie.isBlank()) {
            return CredentialLookup.ABSENT;
        }
        if (accessCookie.length() > MAX_VALUE_LENGTH) {
            return new CredentialLookup.Malformed(CredentialSource.COOKIE, "access cookie too long");
        }
        JsonNode pair = parseCookieJson(accessCookie);
        if (pair == null || !pair.isArray() || pair.size() != 2 || !pair.get(0).isTextual() || !pair.get(1).isTextual()) {
            return new CredentialLookup.Malformed(CredentialSource.COOKIE, "access cookie is not a [refreshToken, accessToken] pair");
        }
        String refreshInAccessCookie = pair.get(0).asText();
        Optional<String> selectedRefresh = selectRefreshToken(cookies);
        if (selectedRefresh.isEmpty() || !Secret.ofNullable(selectedRefresh.get()).matches(refreshInAccessCookie)) {
            // The SDK trusts the access cookie only for the session of the current refresh cookie.
            return CredentialLookup.ABSENT;
        }
        return new CredentialLookup.Found(new HexclaveCredential(CredentialSource.COOKIE,
                Optional.ofNullable(Secret.ofNullable(pair.get(1).asText())),
                Optional.ofNullable(Secret.ofNullable(refreshInAccessCookie))));
    }

    /**
     * The SDK's rule, with {@code __Host-} cookies first: any valid {@code __Host-} refresh cookie wins over every
     * unprefixed one, whatever their {@code updated_at_millis} (a sibling subdomain can plant an unprefixed cookie
     * for this site, never a {@code __Host-} one). Then the structured {@code hexclave-refresh-{project}--*} cookie
     * with the highest {@code updated_at_millis}; else the first non-empty legacy plain cookie; else the newest
     * legacy structured one.
     */
    Optional<String> selectRefreshToken(Map<String, String> cookies) {
        for (String hostPrefix : new String[] { hostHexclaveRefreshPrefix, hostLegacyRefreshPrefix }) {
            Optional<String> host = newestStructured(cookies, hostPrefix);
            if (host.isPresent()) {
                return host;
            }
        }
        Optional<String> structured = newestStructured(cookies, hexclaveRefreshPrefix);
        if (structured.isPresent()) {
            return structured;
        }
        for (String name : new String[] { legacyPlainRefreshName, "stack-refresh" }) {
            String v = cookies.get(name);
            if (v != null && !v.isBlank()) {
                return Optional.of(percentDecode(v).strip());
            }
        }
        return newestStructured(cookies, legacyRefreshPrefix);
    }

    private static Optional<String> newestStructured(Map<String, String> cookies, String prefix) {
        String best = null;
        long bestUpdated = Long.MIN_VALUE;
        for (Map.Entry<String, String> cookie : cookies.entrySet()) {
            String name = cookie.getKey();
            if (name == null || cookie.getValue() == null || !name.startsWith(prefix)
                    || cookie.getValue().length() > MAX_VALUE_LENGTH) {
                continue;
            }
            JsonNode node = parseCookieJson(cookie.getValue());
            if (node == null || !node.isObject() || !node.path("refresh_token").isTextual()) {
                continue;
            }
            long updated = node.path("updated_at_millis").asLong(0);
            if (best == null || updated > bestUpdated) {
                best = node.get("refresh_token").asText();
                bestUpdated = updated;
            }
        }
        return Optional.ofNullable(best).filter(s -> !s.isBlank());
    }

    private static JsonNode parseCookieJson(String raw) {
        JsonNode node = WireJson.treeOrNull(raw);
        return node != null ? node : WireJson.treeOrNull(percentDecode(raw)); // else the decoded form
    }

    private static String percentDecode(String raw) {
        if (raw.indexOf('%') < 0) {
            return raw;
        }
        try {
            return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return raw;
        }
    }

    private static String firstHeader(RequestView request, String preferred, String legacy) {
        String v = request.header(preferred);
        if (v == null || v.isBlank()) {
            v = request.header(legacy);
        }
        return v == null || v.isBlank() ? null : v.strip();
    }

    private static String padBase64(String s) {
        int rem = s.length() % 4;
        return rem == 0 ? s : s + "===".substring(0, 4 - rem);
    }

    private static boolean isWhitespace(char c) {
        return c == ' ' || c == '\t';
    }

    private static boolean isStringOrNull(JsonNode n) {
        return n == null || n.isNull() || n.isTextual();
    }

    private static Optional<Secret> text(JsonNode n) {
        return n == null || n.isNull() ? Optional.empty() : Optional.ofNullable(Secret.ofNullable(n.asText()));
    }
}
