package io.quarkiverse.hexclave.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import io.quarkiverse.hexclave.credential.CredentialSource;

/**
 * Everything the core needs to know about one Hexclave project: immutable, validated on construction.
 * <p>
 * Build it with {@link #builder(String)}, or read it from {@code hexclave.*} configuration with
 * {@link #load()} / {@link #from(ConfigLookup)} (MicroProfile Config when present, else system properties,
 * else the {@code HEXCLAVE_*} environment variables that {@code hexclave dev} injects).
 *
 * @param projectId Hexclave project id: a UUID, or {@code internal}. Key {@code hexclave.project-id}
 *        ({@code HEXCLAVE_PROJECT_ID}).
 * @param apiUrl API origin, no trailing slash, e.g. {@code https://api.hexclave.com}; endpoints live under
 *        {@code {apiUrl}/api/v1}. Key {@code hexclave.api-url} ({@code HEXCLAVE_API_URL}).
 * @param issuerOrigins origins accepted in a token's {@code iss}; by default the origin of {@code apiUrl} plus its
 *        rebrand alias ({@code api.hexclave.com} ↔ {@code api.stack-auth.com}). Key {@code hexclave.issuer-origins}.
 * @param secretServerKey secret server key ({@code ssk_…}) for server-access API calls, if any. Key
 *        {@code hexclave.secret-server-key} ({@code HEXCLAVE_SECRET_SERVER_KEY}).
 * @param publishableClientKey publishable client key ({@code pck_…}) for client-access calls, if the project
 *        requires one. Key {@code hexclave.publishable-client-key} ({@code HEXCLAVE_PUBLISHABLE_CLIENT_KEY}).
 * @param allowRestrictedUsers accept tokens of restricted users (e.g. e-mail not verified). Key
 *        {@code hexclave.allow-restricted-users}, default {@code false}.
 * @param allowAnonymousUsers accept tokens of anonymous (guest) users; as in Hexclave, this implies
 *        {@code allowRestrictedUsers}. Key {@code hexclave.allow-anonymous-users}, default {@code false}.
 * @param clockSkew leeway on {@code exp} and {@code iat}. Key {@code hexclave.clock-skew}, default 30 s.
 * @param jwksCacheTime how long fetched keys are used before a background refresh, at most; a shorter
 *        {@code Cache-Control: max-age} wins. Key {@code hexclave.jwks.cache-time}, default 1 h.
 * @param jwksRefreshCooldown minimum time between two refreshes forced by an unknown key id, so that tokens with
 *        made-up {@code kid}s cannot hammer Hexclave. Key {@code hexclave.jwks.refresh-cooldown}, default 30 s.
 * @param connectTimeout connect timeout of every call to Hexclave. Key {@code hexclave.http.connect-timeout}, default 5 s.
 * @param readTimeout time allowed for a response to a call to Hexclave. Key {@code hexclave.http.read-timeout},
 *        default 10 s.
 * @param jcaProvider name of the JCA provider that verifies ES256 signatures ({@code SunEC}, {@code BC},
 *        {@code AmazonCorrettoCryptoProvider} …); the JDK's choice when empty. Key {@code hexclave.jca-provider}.
 * @param credentialSources where credentials are looked for in a request. Key {@code hexclave.credential-sources},
 *        default all but {@code cookie} (opt in for same-site deployments; cookies are sent with every same-site
 *        request, so protect state-changing endpoints against CSRF when you do).
 * @param verifiedTokenCacheSize how many verified tokens are remembered (by SHA-256) until they expire, so a token
 *        presented again is not verified again; {@code 0} turns the cache off. Key
 *        {@code hexclave.verified-token-cache-size}, default 10000.
 * @param maxRetries how many times the client retries an idempotent call after a connection error, 429 or
 *        502/503/504. Key {@code hexclave.client.max-retries}, default 3.
 */
public record HexclaveSettings(
        String projectId,
        String apiUrl,
        List<String> issuerOrigins,
        Optional<Secret> secretServerKey,
        Optional<String> publishableClientKey,
        boolean allowRestrictedUsers,
        boolean allowAnonymousUsers,
        Duration clockSkew,
        Duration jwksCacheTime,
        Duration jwksRefreshCooldown,
        Duration connectTimeout,
        Duration readTimeout,
        Optional<String> jcaProvider,
        Set<CredentialSource> credentialSources,
        int verifiedTokenCacheSize,
        int maxRetries) {

    /** The hosted service. */
    public static final String DEFAULT_API_URL = "https://api.hexclave.com";

    /**
     * Every source but {@link CredentialSource#COOKIE}: cookies are ambient credentials (sent by the browser with every
     * same-site request, hence CSRF-prone) and only work on same-site deployments, so they are opt-in.
     */
    public static final Set<CredentialSource> DEFAULT_CREDENTIAL_SOURCES = Set
            .copyOf(EnumSet.complementOf(EnumSet.of(CredentialSource.COOKIE)));

    public static final String KEY_PROJECT_ID = "hexclave.project-id";
    public static final String KEY_API_URL = "hexclave.api-url";
    public static final String KEY_ISSUER_ORIGINS = "hexclave.issuer-origins";
    public static final String KEY_SECRET_SERVER_KEY = "hexclave.secret-server-key";
    public static final String KEY_PUBLISHABLE_CLIENT_KEY = "hexclave.publishable-client-key";
    public static final String KEY_ALLOW_RESTRICTED_USERS = "hexclave.allow-restricted-users";
    public static final String KEY_ALLOW_ANONYMOUS_USERS = "hexclave.allow-anonymous-users";
    public static final String KEY_CLOCK_SKEW = "hexclave.clock-skew";
    public static final String KEY_JWKS_CACHE_TIME = "hexclave.jwks.cache-time";
    public static final String KEY_JWKS_REFRESH_COOLDOWN = "hexclave.jwks.refresh-cooldown";
    public static final String KEY_CONNECT_TIMEOUT = "hexclave.http.connect-timeout";
    public static final String KEY_READ_TIMEOUT = "hexclave.http.read-timeout";
    public static final String KEY_JCA_PROVIDER = "hexclave.jca-provider";
    public static final String KEY_CREDENTIAL_SOURCES = "hexclave.credential-sources";
    public static final String KEY_VERIFIED_TOKEN_CACHE_SIZE = "hexclave.verified-token-cache-size";
    public static final String KEY_MAX_RETRIES = "hexclave.client.max-retries";

    private static final Pattern UUID = Pattern
            .compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    public HexclaveSettings {
        projectId = validateProjectId(projectId);
        apiUrl = normaliseApiUrl(apiUrl);
        issuerOrigins = issuerOrigins == null || issuerOrigins.isEmpty()
                ? defaultIssuerOrigins(apiUrl)
                : normaliseOrigins(issuerOrigins);
        secretServerKey = Objects.requireNonNullElse(secretServerKey, Optional.empty());
        publishableClientKey = Objects.requireNonNullElse(publishableClientKey, Optional.<String> empty())
                .map(String::strip).filter(s -> !s.isEmpty());
        allowRestrictedUsers = allowRestrictedUsers || allowAnonymousUsers;
        clockSkew = nonNegative(clockSkew, Duration.ofSeconds(30), KEY_CLOCK_SKEW);
        jwksCacheTime = positive(jwksCacheTime, Duration.ofHours(1), KEY_JWKS_CACHE_TIME);
        jwksRefreshCooldown = nonNegative(jwksRefreshCooldown, Duration.ofSeconds(30), KEY_JWKS_REFRESH_COOLDOWN);
        connectTimeout = positive(connectTimeout, Duration.ofSeconds(5), KEY_CONNECT_TIMEOUT);
        readTimeout = positive(readTimeout, Duration.ofSeconds(10), KEY_READ_TIMEOUT);
        jcaProvider = Objects.requireNonNullElse(jcaProvider, Optional.<String> empty())
                .map(String::strip).filter(s -> !s.isEmpty());
        credentialSources = credentialSources == null || credentialSources.isEmpty()
                ? DEFAULT_CREDENTIAL_SOURCES
                : Set.copyOf(EnumSet.copyOf(credentialSources));
        if (verifiedTokenCacheSize < 0) {
            throw new HexclaveConfigException(KEY_VERIFIED_TOKEN_CACHE_SIZE + " must be 0 (off) or positive, got "
                    + verifiedTokenCacheSize);
        }
        if (maxRetries < 0 || maxRetries > 10) {
            throw new HexclaveConfigException(KEY_MAX_RETRIES + " must be between 0 and 10, got " + maxRetries);
        }
    }

    /** A builder with every default, for the given project. */
    public static Builder builder(String projectId) {
        return new Builder().projectId(projectId);
    }

    /** A builder pre-filled with these settings. */
    public Builder toBuilder() {
        return new Builder().projectId(projectId).apiUrl(apiUrl).issuerOrigins(issuerOrigins)
                .secretServerKey(secretServerKey.orElse(null)).publishableClientKey(publishableClientKey.orElse(null))
                .allowRestrictedUsers(allowRestrictedUsers).allowAnonymousUsers(allowAnonymousUsers)
                .clockSkew(clockSkew).jwksCacheTime(jwksCacheTime).jwksRefreshCooldown(jwksRefreshCooldown)
                .connectTimeout(connectTimeout).readTimeout(readTimeout).jcaProvider(jcaProvider.orElse(null))
                .credentialSources(credentialSources).verifiedTokenCacheSize(verifiedTokenCacheSize)
                .maxRetries(maxRetries);
    }

    /** Reads {@code hexclave.*} from {@link ConfigLookup#defaults()}. */
    public static HexclaveSettings load() {
        return from(ConfigLookup.defaults());
    }

    /** Reads only the environment ({@code HEXCLAVE_PROJECT_ID}, {@code HEXCLAVE_SECRET_SERVER_KEY} …). */
    public static HexclaveSettings fromEnvironment() {
        return from(ConfigLookup.environment());
    }

    /** Reads {@code hexclave.*} keys from {@code lookup}; a missing or malformed value names its key. */
    public static HexclaveSettings from(ConfigLookup lookup) {
        Builder b = new Builder();
        b.projectId(lookup.get(KEY_PROJECT_ID).orElseThrow(() -> new HexclaveConfigException(
                "The Hexclave project id is not set: set " + KEY_PROJECT_ID + " (or the environment variable "
                        + "HEXCLAVE_PROJECT_ID) to your project's id from the Hexclave dashboard.")));
        lookup.get(KEY_API_URL).ifPresent(b::apiUrl);
        lookup.get(KEY_ISSUER_ORIGINS).ifPresent(v -> b.issuerOrigins(splitList(v)));
        lookup.get(KEY_SECRET_SERVER_KEY).ifPresent(b::secretServerKey);
        lookup.get(KEY_PUBLISHABLE_CLIENT_KEY).ifPresent(b::publishableClientKey);
        lookup.get(KEY_ALLOW_RESTRICTED_USERS).ifPresent(v -> b.allowRestrictedUsers(parseBoolean(KEY_ALLOW_RESTRICTED_USERS, v)));
        lookup.get(KEY_ALLOW_ANONYMOUS_USERS).ifPresent(v -> b.allowAnonymousUsers(parseBoolean(KEY_ALLOW_ANONYMOUS_USERS, v)));
        lookup.get(KEY_CLOCK_SKEW).ifPresent(v -> b.clockSkew(parseDuration(KEY_CLOCK_SKEW, v)));
        lookup.get(KEY_JWKS_CACHE_TIME).ifPresent(v -> b.jwksCacheTime(parseDuration(KEY_JWKS_CACHE_TIME, v)));
        lookup.get(KEY_JWKS_REFRESH_COOLDOWN).ifPresent(v -> b.jwksRefreshCooldown(parseDuration(KEY_JWKS_REFRESH_COOLDOWN, v)));
        lookup.get(KEY_CONNECT_TIMEOUT).ifPresent(v -> b.connectTimeout(parseDuration(KEY_CONNECT_TIMEOUT, v)));
        lookup.get(KEY_READ_TIMEOUT).ifPresent(v -> b.readTimeout(parseDuration(KEY_READ_TIMEOUT, v)));
        lookup.get(KEY_JCA_PROVIDER).ifPresent(b::jcaProvider);
        lookup.get(KEY_CREDENTIAL_SOURCES).ifPresent(v -> {
            List<CredentialSource> sources = new ArrayList<>();
            for (String name : splitList(v)) {
                try {
                    sources.add(CredentialSource.fromConfigName(name));
                } catch (IllegalArgumentException e) {
                    throw new HexclaveConfigException(KEY_CREDENTIAL_SOURCES + ": " + e.getMessage());
                }
            }
            b.credentialSources(sources);
        });
        lookup.get(KEY_VERIFIED_TOKEN_CACHE_SIZE).ifPresent(v -> b.verifiedTokenCacheSize(parseInt(KEY_VERIFIED_TOKEN_CACHE_SIZE, v)));
        lookup.get(KEY_MAX_RETRIES).ifPresent(v -> b.maxRetries(parseInt(KEY_MAX_RETRIES, v)));
        return b.build();
    }

    /** {@code {apiUrl}/api/v1}. */
    public String apiBaseUrl() {
        return apiUrl + "/api/v1";
    }

    /** The project's JWKS, with {@code include_restricted}/{@code include_anonymous} only when those users are allowed. */
    public URI jwksUri() {
        String query = allowAnonymousUsers ? "?include_anonymous=true" : allowRestrictedUsers ? "?include_restricted=true" : "";
        return URI.create(apiBaseUrl() + "/projects/" + projectId + "/.well-known/jwks.json" + query);
    }

    /** Masks the secret server key (it is a {@link Secret}); everything else is safe to print. */
    @Override
    public String toString() {
        return "HexclaveSettings[projectId=" + projectId + ", apiUrl=" + apiUrl + ", issuerOrigins=" + issuerOrigins
                + ", secretServerKey=" + (secretServerKey.isPresent() ? "****" : "none")
                + ", publishableClientKey=" + (publishableClientKey.isPresent() ? "set" : "none")
                + ", allowRestrictedUsers=" + allowRestrictedUsers + ", allowAnonymousUsers=" + allowAnonymousUsers
                + ", clockSkew=" + clockSkew + ", jwksCacheTime=" + jwksCacheTime + ", jwksRefreshCooldown="
                + jwksRefreshCooldown + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout
                + ", jcaProvider=" + jcaProvider.orElse("default") + ", credentialSources=" + credentialSources
                + ", verifiedTokenCacheSize=" + verifiedTokenCacheSize + ", maxRetries=" + maxRetries + "]";
    }

    // ---------------------------------------------------------------------------------------------------------

    static String validateProjectId(String projectId) {
        if (projectId == null || projectId.isBlank()) {
            throw new HexclaveConfigException("The Hexclave project id is not set: set " + KEY_PROJECT_ID
                    + " (or the environment variable HEXCLAVE_PROJECT_ID) to your project's id from the Hexclave dashboard.");
        }
        String id = projectId.strip();
        if (!id.equals("internal") && !UUID.matcher(id).matches()) {
            throw new HexclaveConfigException("The Hexclave project id set in " + KEY_PROJECT_ID
                    + " (or HEXCLAVE_PROJECT_ID) is malformed: expected a UUID such as "
                    + "e0b52f4d-dece-408c-af49-d23061bb0f8d, got a value of " + id.length() + " characters.");
        }
        return id.toLowerCase(Locale.ROOT);
    }

    static String normaliseApiUrl(String apiUrl) {
        String url = apiUrl == null || apiUrl.isBlank() ? DEFAULT_API_URL : apiUrl.strip();
        while (url.endsWith("/")) {
            url = url.substring(0, url.length() - 1);
        }
        if (url.endsWith("/api/v1")) {
            url = url.substring(0, url.length() - "/api/v1".length());
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new HexclaveConfigException(KEY_API_URL + " is not a valid URL: " + e.getMessage());
        }
        if (uri.getScheme() == null || !(uri.getScheme().equalsIgnoreCase("https") || uri.getScheme().equalsIgnoreCase("http"))
                || uri.getHost() == null || uri.getRawQuery() != null || uri.getRawFragment() != null
                || uri.getRawUserInfo() != null) {
            throw new HexclaveConfigException(KEY_API_URL + " must be an http(s) URL without query, fragment or "
                    + "user info, such as " + DEFAULT_API_URL + "; got '" + url + "'");
        }
        return url;
    }

    /** Scheme, host and port of a URL, lower-cased, without a trailing slash. */
    static String origin(String url) {
        URI uri = URI.create(url);
        String origin = uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getHost().toLowerCase(Locale.ROOT);
        return uri.getPort() == -1 ? origin : origin + ":" + uri.getPort();
    }

    static List<String> defaultIssuerOrigins(String apiUrl) {
        String origin = origin(apiUrl);
        LinkedHashSet<String> origins = new LinkedHashSet<>();
        origins.add(origin);
        rebrandAlias(origin).ifPresent(origins::add);
        return List.copyOf(origins);
    }

    /** {@code https://api.hexclave.com} ↔ {@code https://api.stack-auth.com}, also for the dev and staging hosts. */
    static Optional<String> rebrandAlias(String origin) {
        for (String[] pair : new String[][] { { "api.hexclave.com", "api.stack-auth.com" },
                { "api.dev.hexclave.com", "api.dev.stack-auth.com" },
                { "api.staging.hexclave.com", "api.staging.stack-auth.com" } }) {
            if (origin.equals("https://" + pair[0])) {
                return Optional.of("https://" + pair[1]);
            }
            if (origin.equals("https://" + pair[1])) {
                return Optional.of("https://" + pair[0]);
            }
        }
        return Optional.empty();
    }

    private static List<String> normaliseOrigins(Collection<String> origins) {
        LinkedHashSet<String> result = new LinkedHashSet<>();
        for (String o : origins) {
            String url = normaliseApiUrl(o);
            result.add(origin(url));
        }
        return List.copyOf(result);
    }

    private static Duration nonNegative(Duration d, Duration dflt, String key) {
        Duration v = d == null ? dflt : d;
        if (v.isNegative()) {
            throw new HexclaveConfigException(key + " must not be negative, got " + v);
        }
        return v;
    }

    private static Duration positive(Duration d, Duration dflt, String key) {
        Duration v = d == null ? dflt : d;
        if (v.isNegative() || v.isZero()) {
            throw new HexclaveConfigException(key + " must be positive, got " + v);
        }
        return v;
    }

    static List<String> splitList(String value) {
        List<String> items = new ArrayList<>();
        for (String s : value.split(",")) {
            if (!s.isBlank()) {
                items.add(s.strip());
            }
        }
        return items;
    }

    static boolean parseBoolean(String key, String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        if (v.equals("true")) {
            return true;
        }
        if (v.equals("false")) {
            return false;
        }
        throw new HexclaveConfigException(key + " must be true or false, got '" + value + "'");
    }

    static int parseInt(String key, String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new HexclaveConfigException(key + " must be a whole number, got '" + value + "'");
        }
    }

    /**
     * Parses {@code 30s}, {@code 500ms}, {@code 5m}, {@code 1h}, {@code 2d}, an ISO-8601 duration ({@code PT30S}),
     * or a bare number of seconds, as Quarkus does.
     */
    public static Duration parseDuration(String key, String value) {
        String v = value.strip();
        try {
            if (v.matches("\\d+")) {
                return Duration.ofSeconds(Long.parseLong(v));
            }
            if (v.matches("\\d+ms")) {
                return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
            }
            if (v.matches("\\d+[smhd]")) {
                long n = Long.parseLong(v.substring(0, v.length() - 1));
                return switch (v.charAt(v.length() - 1)) {
                    case 's' -> Duration.ofSeconds(n);
                    case 'm' -> Duration.ofMinutes(n);
                    case 'h' -> Duration.ofHours(n);
                    default -> Duration.ofDays(n);
                };
            }
            return Duration.parse(v.toUpperCase(Locale.ROOT).startsWith("P") ? v : "PT" + v);
        } catch (DateTimeParseException | ArithmeticException | NumberFormatException e) {
            throw new HexclaveConfigException(key + " must be a duration such as 30s, 500ms, 5m or PT30S; got '" + value + "'");
        }
    }

    /** Builder of {@link HexclaveSettings}; unset values take their documented defaults. */
    public static final class Builder {
        private String projectId;
        private String apiUrl;
        private List<String> issuerOrigins;
        private Secret secretServerKey;
        private String publishableClientKey;
        private boolean allowRestrictedUsers;
        private boolean allowAnonymousUsers;
        private Duration clockSkew;
        private Duration jwksCacheTime;
        private Duration jwksRefreshCooldown;
        private Duration connectTimeout;
        private Duration readTimeout;
        private String jcaProvider;
        private Set<CredentialSource> credentialSources;
        private int verifiedTokenCacheSize = 10_000;
        private int maxRetries = 3;

        private Builder() {
        }

        public Builder projectId(String projectId) {
            this.projectId = projectId;
            return this;
        }

        public Builder apiUrl(String apiUrl) {
            this.apiUrl = apiUrl;
            return this;
        }

        public Builder issuerOrigins(List<String> issuerOrigins) {
            this.issuerOrigins = issuerOrigins == null ? null : List.copyOf(issuerOrigins);
            return this;
        }

        public Builder secretServerKey(String secretServerKey) {
            this.secretServerKey = Secret.ofNullable(secretServerKey);
            return this;
        }

        public Builder secretServerKey(Secret secretServerKey) {
            this.secretServerKey = secretServerKey == null ? null : Secret.ofNullable(secretServerKey.value());
            return this;
        }

        public Builder publishableClientKey(String publishableClientKey) {
            this.publishableClientKey = publishableClientKey;
            return this;
        }

        public Builder allowRestrictedUsers(boolean allow) {
            this.allowRestrictedUsers = allow;
            return this;
        }

        public Builder allowAnonymousUsers(boolean allow) {
            this.allowAnonymousUsers = allow;
            return this;
        }

        public Builder clockSkew(Duration clockSkew) {
            this.clockSkew = clockSkew;
            return this;
        }

        public Builder jwksCacheTime(Duration jwksCacheTime) {
            this.jwksCacheTime = jwksCacheTime;
            return this;
        }

        public Builder jwksRefreshCooldown(Duration jwksRefreshCooldown) {
            this.jwksRefreshCooldown = jwksRefreshCooldown;
            return this;
        }

        public Builder connectTimeout(Duration connectTimeout) {
            this.connectTimeout = connectTimeout;
            return this;
        }

        public Builder readTimeout(Duration readTimeout) {
            this.readTimeout = readTimeout;
            return this;
        }

        public Builder jcaProvider(String jcaProvider) {
            this.jcaProvider = jcaProvider;
            return this;
        }

        public Builder credentialSources(Collection<CredentialSource> credentialSources) {
            this.credentialSources = credentialSources == null ? null : Set.copyOf(credentialSources);
            return this;
        }

        public Builder verifiedTokenCacheSize(int size) {
            this.verifiedTokenCacheSize = size;
            return this;
        }

        public Builder maxRetries(int maxRetries) {
            this.maxRetries = maxRetries;
            return this;
        }

        public HexclaveSettings build() {
            return new HexclaveSettings(projectId, apiUrl, issuerOrigins, Optional.ofNullable(secretServerKey),
                    Optional.ofNullable(publishableClientKey), allowRestrictedUsers, allowAnonymousUsers, clockSkew,
                    jwksCacheTime, jwksRefreshCooldown, connectTimeout, readTimeout, Optional.ofNullable(jcaProvider),
                    credentialSources, verifiedTokenCacheSize, maxRetries);
        }
    }
}
