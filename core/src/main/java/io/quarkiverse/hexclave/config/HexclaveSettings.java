package io.quarkiverse.hexclave.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import org.jboss.logging.Logger;

import io.quarkiverse.hexclave.credential.CredentialSource;

/**
 * Everything the core needs to know about one Hexclave project: immutable, validated on construction.
 * <p>
 * Build it with {@link #builder(String)}, or read it from {@code hexclave.*} configuration with {@link #load()} /
 * {@link #from(ConfigLookup)} (MicroProfile Config when present, else system properties, else the
 * {@code HEXCLAVE_*} environment variables that {@code hexclave dev} injects). Every default is a constant of
 * {@link Defaults}; every key a constant of {@link Keys}.
 *
 * @param projectId Hexclave project id: a UUID, or {@code internal}. Key {@code project-id} ({@code HEXCLAVE_PROJECT_ID}).
 * @param apiUrl API origin, no trailing slash, e.g. {@code https://api.hexclave.com}; endpoints live under
 *        {@code {apiUrl}/api/v1}. Key {@code api-url} ({@code HEXCLAVE_API_URL}).
 * @param issuerOrigins origins accepted in a token's {@code iss}; by default the origin of {@code apiUrl} plus its
 *        rebrand alias ({@code api.hexclave.com} ↔ {@code api.stack-auth.com}). Each is normalised: default port
 *        dropped, a failover host of the hosted service ({@code api1.}, {@code api2.}, {@code api3.}, {@code r.})
 *        mapped to its {@code api.} host. Key {@code issuer-origins}.
 * @param secretServerKey secret server key ({@code ssk_…}) for server-access API calls, if any. Key
 *        {@code secret-server-key} ({@code HEXCLAVE_SECRET_SERVER_KEY}).
 * @param publishableClientKey publishable client key ({@code pck_…}) for client-access calls, if the project
 *        requires one. Key {@code publishable-client-key} ({@code HEXCLAVE_PUBLISHABLE_CLIENT_KEY}).
 * @param allowRestrictedUsers accept tokens of restricted users (e.g. e-mail not verified) everywhere. Key
 *        {@code allow-restricted-users}, default {@code false}.
 * @param allowAnonymousUsers accept tokens of anonymous (guest) users everywhere; as in Hexclave, this implies
 *        {@code allowRestrictedUsers}. Key {@code allow-anonymous-users}, default {@code false}.
 * @param clockSkew leeway on {@code exp} and {@code iat}, at most 5 minutes. Key {@code clock-skew}, default 30 s.
 * @param jwksCacheTime how long fetched keys are used before a background refresh, at most; a shorter
 *        {@code Cache-Control: max-age} wins. Key {@code jwks.cache-time}, default 1 h.
 * @param jwksRefreshCooldown minimum time between two key fetches of any kind (forced by an unknown key id, a
 *        readiness check or {@code refreshKeys()}, or a due refresh), so that tokens with made-up {@code kid}s or
 *        probes cannot hammer Hexclave; at least 1 s (a smaller value is a configuration error). Key
 *        {@code jwks.refresh-cooldown}, default 30 s.
 * @param jwksMaxStale how long keys may serve after their last successful fetch while refreshes fail; past it they are
 *        dropped and verification fails with {@code KeysUnavailableException} until a fetch succeeds. At least
 *        {@code jwksCacheTime}. Key {@code jwks.max-stale}, default 24 h.
 * @param connectTimeout connect timeout of every call to Hexclave. Key {@code http.connect-timeout}, default 5 s.
 * @param readTimeout time allowed for a response to a call to Hexclave. Key {@code http.read-timeout}, default 10 s.
 * @param jcaProvider name of a JCA provider to verify ES256 signatures with ({@code SunEC},
 *        {@code AmazonCorrettoCryptoProvider} …); by default BouncyCastle's ECDSA (or the JDK's when bcprov is
 *        absent). Key {@code jca-provider}.
 * @param credentialSources where credentials are looked for in a request. Key {@code credential-sources}, default
 *        all but {@code cookie} (opt in for same-site deployments; cookies are sent with every same-site request).
 * @param verifiedTokenCacheSize how many verified tokens (of typical size) are remembered until they expire, so a
 *        token presented again is not verified again; the cache is bounded by this many KiB of heap. {@code 0} turns
 *        it off. Key {@code verified-token-cache-size}, default 50000.
 * @param maxRetries how many times the client retries an idempotent call after a connection error, 429 or
 *        502/503/504. Key {@code client.max-retries}, default 3.
 * @param verificationMode how tokens are verified: locally ({@code jwt}), by Hexclave ({@code rest}) or both. Key
 *        {@code verification.mode}, default {@code jwt}.
 * @param restCacheTtl in the {@code rest} and {@code both} modes, how long Hexclave's answer for a token is reused.
 *        Key {@code verification.rest-cache-ttl}, default 5 s; {@code 0} asks every time.
 * @param restCacheSize how many such answers are kept. Key {@code verification.rest-cache-size}, default 10000.
 * @param allowPlainHttp accept an {@code http://} {@code apiUrl} for a host that is not loopback ({@code localhost},
 *        {@code 127.0.0.0/8}, {@code ::1}): keys, the secret server key and users' tokens then travel in cleartext.
 *        Logged as a warning when it takes effect. Key {@code allow-plain-http}, default {@code false}.
 * @param cookieCrossSiteCheck whether a state-changing request authenticated by the {@code cookie} source must show
 *        a same-origin signal ({@code Sec-Fetch-Site} or {@code Origin}), else it is answered 403. Key
 *        {@code cookie.cross-site-check}, default {@code true}; turn it off only behind your own CSRF protection.
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
        Duration jwksMaxStale,
        Duration connectTimeout,
        Duration readTimeout,
        Optional<String> jcaProvider,
        Set<CredentialSource> credentialSources,
        int verifiedTokenCacheSize,
        int maxRetries,
        VerificationMode verificationMode,
        Duration restCacheTtl,
        int restCacheSize,
        boolean allowPlainHttp,
        boolean cookieCrossSiteCheck) {

    /** The hosted service. */
    public static final String DEFAULT_API_URL = Defaults.API_URL;

    /** Every key, relative to {@link #PREFIX}; adapters prefix them their own way ({@code quarkus.hexclave.}). */
    public static final class Keys {
        /** The prefix of the portable keys. */
        public static final String PREFIX = "hexclave.";
        public static final String PROJECT_ID = "project-id";
        public static final String API_URL = "api-url";
        public static final String ISSUER_ORIGINS = "issuer-origins";
        public static final String SECRET_SERVER_KEY = "secret-server-key";
        public static final String PUBLISHABLE_CLIENT_KEY = "publishable-client-key";
        public static final String ALLOW_RESTRICTED_USERS = "allow-restricted-users";
        public static final String ALLOW_ANONYMOUS_USERS = "allow-anonymous-users";
        public static final String CLOCK_SKEW = "clock-skew";
        public static final String JWKS_CACHE_TIME = "jwks.cache-time";
        public static final String JWKS_REFRESH_COOLDOWN = "jwks.refresh-cooldown";
        public static final String JWKS_MAX_STALE = "jwks.max-stale";
        public static final String CONNECT_TIMEOUT = "http.connect-timeout";
        public static final String READ_TIMEOUT = "http.read-timeout";
        public static final String JCA_PROVIDER = "jca-provider";
        public static final String CREDENTIAL_SOURCES = "credential-sources";
        public static final String VERIFIED_TOKEN_CACHE_SIZE = "verified-token-cache-size";
        public static final String MAX_RETRIES = "client.max-retries";
        public static final String VERIFICATION_MODE = "verification.mode";
        public static final String REST_CACHE_TTL = "verification.rest-cache-ttl";
        public static final String REST_CACHE_SIZE = "verification.rest-cache-size";
        public static final String ALLOW_PLAIN_HTTP = "allow-plain-http";
        public static final String COOKIE_CROSS_SITE_CHECK = "cookie.cross-site-check";

        private Keys() {
        }
    }

    /** Every default, in one place (the Quarkus mapping's {@code @WithDefault}s are tested against these). */
    public static final class Defaults {
        public static final String API_URL = "https://api.hexclave.com";
        public static final boolean ALLOW_RESTRICTED_USERS = false;
        public static final boolean ALLOW_ANONYMOUS_USERS = false;
        public static final Duration CLOCK_SKEW = Duration.ofSeconds(30);
        public static final Duration JWKS_CACHE_TIME = Duration.ofHours(1);
        public static final Duration JWKS_REFRESH_COOLDOWN = Duration.ofSeconds(30);
        public static final Duration JWKS_MAX_STALE = Duration.ofHours(24);
        public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
        public static final Duration READ_TIMEOUT = Duration.ofSeconds(10);
        /**
         * Every source but {@link CredentialSource#COOKIE}: cookies are ambient credentials (sent by the browser with
         * every same-site request, hence CSRF-prone) and only work on same-site deployments, so they are opt-in.
         */
        public static final Set<CredentialSource> CREDENTIAL_SOURCES = Set
                .copyOf(EnumSet.complementOf(EnumSet.of(CredentialSource.COOKIE)));
        public static final int VERIFIED_TOKEN_CACHE_SIZE = 50_000;
        public static final int MAX_RETRIES = 3;
        public static final VerificationMode VERIFICATION_MODE = VerificationMode.JWT;
        public static final Duration REST_CACHE_TTL = Duration.ofSeconds(5);
        public static final int REST_CACHE_SIZE = 10_000;
        public static final boolean ALLOW_PLAIN_HTTP = false;
        public static final boolean COOKIE_CROSS_SITE_CHECK = true;

        private Defaults() {
        }
    }

    /** The largest {@link #clockSkew()}: half the lifetime of a Hexclave access token. */
    public static final Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);

    /** The smallest {@link #jwksRefreshCooldown()}: every key fetch is at least this far from the previous one. */
    public static final Duration MIN_JWKS_REFRESH_COOLDOWN = Duration.ofSeconds(1);

    /** The hosted service's failover hosts (wire reference §1.1, §3.3): the backend stamps {@code api.<brand>} for them. */
    private static final Pattern FAILOVER_HOST = Pattern
            .compile("(api1|api2|api3|r)\\.((?:dev\\.)?(?:hexclave\\.com|stack-auth\\.com))");
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Logger LOG = Logger.getLogger(HexclaveSettings.class);
    private static final Set<String> PLAIN_HTTP_WARNED = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private static final Pattern UUID = Pattern
            .compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    public HexclaveSettings {
        projectId = validateProjectId(projectId);
        apiUrl = normaliseApiUrl(apiUrl, Keys.API_URL);
        checkPlainHttp(apiUrl, allowPlainHttp);
        issuerOrigins = issuerOrigins == null || issuerOrigins.isEmpty()
                ? defaultIssuerOrigins(apiUrl)
                : normaliseOrigins(issuerOrigins);
        secretServerKey = Objects.requireNonNullElse(secretServerKey, Optional.empty());
        publishableClientKey = Objects.requireNonNullElse(publishableClientKey, Optional.<String> empty())
                .map(String::strip).filter(s -> !s.isEmpty());
        allowRestrictedUsers = allowRestrictedUsers || allowAnonymousUsers;
        clockSkew = nonNegative(clockSkew, Defaults.CLOCK_SKEW, Keys.CLOCK_SKEW);
        if (clockSkew.compareTo(MAX_CLOCK_SKEW) > 0) {
            throw new HexclaveConfigException(Keys.CLOCK_SKEW, "{key} must be at most " + MAX_CLOCK_SKEW.toMinutes()
                    + "m (Hexclave's tokens live 10 minutes; a larger leeway would all but turn expiry off), got "
                    + clockSkew);
        }
        jwksCacheTime = positive(jwksCacheTime, Defaults.JWKS_CACHE_TIME, Keys.JWKS_CACHE_TIME);
        jwksRefreshCooldown = atLeast(jwksRefreshCooldown, Defaults.JWKS_REFRESH_COOLDOWN, MIN_JWKS_REFRESH_COOLDOWN,
                Keys.JWKS_REFRESH_COOLDOWN);
        jwksMaxStale = positive(jwksMaxStale, Defaults.JWKS_MAX_STALE, Keys.JWKS_MAX_STALE);
        if (jwksMaxStale.compareTo(jwksCacheTime) < 0) {
            throw new HexclaveConfigException(Keys.JWKS_MAX_STALE, "{key} (" + jwksMaxStale + ") must be at least "
                    + HexclaveConfigException.PREFIX + Keys.JWKS_CACHE_TIME + " (" + jwksCacheTime + "): keys would "
                    + "be dropped before they are due for a refresh");
        }
        connectTimeout = positive(connectTimeout, Defaults.CONNECT_TIMEOUT, Keys.CONNECT_TIMEOUT);
        readTimeout = positive(readTimeout, Defaults.READ_TIMEOUT, Keys.READ_TIMEOUT);
        jcaProvider = Objects.requireNonNullElse(jcaProvider, Optional.<String> empty())
                .map(String::strip).filter(s -> !s.isEmpty());
        credentialSources = credentialSources == null || credentialSources.isEmpty()
                ? Defaults.CREDENTIAL_SOURCES
                : Set.copyOf(EnumSet.copyOf(credentialSources));
        if (verifiedTokenCacheSize < 0) {
            throw new HexclaveConfigException(Keys.VERIFIED_TOKEN_CACHE_SIZE, "{key} must be 0 (off) or positive, got "
                    + verifiedTokenCacheSize);
        }
        if (maxRetries < 0 || maxRetries > 10) {
            throw new HexclaveConfigException(Keys.MAX_RETRIES, "{key} must be between 0 and 10, got " + maxRetries);
        }
        verificationMode = Objects.requireNonNullElse(verificationMode, Defaults.VERIFICATION_MODE);
        restCacheTtl = nonNegative(restCacheTtl, Defaults.REST_CACHE_TTL, Keys.REST_CACHE_TTL);
        if (restCacheSize < 0) {
            throw new HexclaveConfigException(Keys.REST_CACHE_SIZE, "{key} must be 0 or positive, got " + restCacheSize);
        }
        if (verificationMode != VerificationMode.JWT && secretServerKey.isEmpty()) {
            throw new HexclaveConfigException(Keys.VERIFICATION_MODE, "{key}=" + verificationMode.name()
                    .toLowerCase(Locale.ROOT) + " asks Hexclave about every token and needs the secret server key: set "
                    + HexclaveConfigException.PREFIX + Keys.SECRET_SERVER_KEY
                    + " (or the environment variable HEXCLAVE_SECRET_SERVER_KEY)");
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
                .jwksMaxStale(jwksMaxStale).connectTimeout(connectTimeout).readTimeout(readTimeout).jcaProvider(jcaProvider.orElse(null))
                .credentialSources(credentialSources).verifiedTokenCacheSize(verifiedTokenCacheSize)
                .maxRetries(maxRetries).verificationMode(verificationMode).restCacheTtl(restCacheTtl)
                .restCacheSize(restCacheSize).allowPlainHttp(allowPlainHttp)
                .cookieCrossSiteCheck(cookieCrossSiteCheck);
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
        return new SettingsReader(lookup, Keys.PREFIX).read();
    }

    /** {@code {apiUrl}/api/v1}. */
    public String apiBaseUrl() {
        return apiUrl + "/api/v1";
    }

    /** The project's JWKS for the users these settings allow everywhere. */
    public URI jwksUri() {
        return jwksUri(allowRestrictedUsers, allowAnonymousUsers);
    }

    /**
     * The project's JWKS, with {@code include_restricted}/{@code include_anonymous} only when those users are admitted
     * somewhere (anonymous keys come with the restricted ones).
     */
    public URI jwksUri(boolean restrictedKeys, boolean anonymousKeys) {
        String query = anonymousKeys ? "?include_anonymous=true" : restrictedKeys ? "?include_restricted=true" : "";
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
                + jwksRefreshCooldown + ", jwksMaxStale=" + jwksMaxStale + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout
                + ", jcaProvider=" + jcaProvider.orElse("default") + ", credentialSources=" + credentialSources
                + ", verifiedTokenCacheSize=" + verifiedTokenCacheSize + ", maxRetries=" + maxRetries
                + ", verificationMode=" + verificationMode + ", restCacheTtl=" + restCacheTtl + ", restCacheSize="
                + restCacheSize + ", allowPlainHttp=" + allowPlainHttp + ", cookieCrossSiteCheck="
                + cookieCrossSiteCheck + "]";
    }

    // ---------------------------------------------------------------------------------------------------------

    static String validateProjectId(String projectId) {
        if (projectId == null || projectId.isBlank()) {
            throw new HexclaveConfigException(Keys.PROJECT_ID, "The Hexclave project id is not set: set {key} (or the "
                    + "environment variable HEXCLAVE_PROJECT_ID) to your project's id from the Hexclave dashboard.");
        }
        String id = projectId.strip();
        if (!id.equals("internal") && !UUID.matcher(id).matches()) {
            throw new HexclaveConfigException(Keys.PROJECT_ID, "The Hexclave project id set in {key} (or "
                    + "HEXCLAVE_PROJECT_ID) is malformed: expected a UUID such as "
                    + "e0b52f4d-dece-408c-af49-d23061bb0f8d, got a value of " + id.length() + " characters.");
        }
        return id.toLowerCase(Locale.ROOT);
    }

    static String normaliseApiUrl(String apiUrl, String key) {
        String url = apiUrl == null || apiUrl.isBlank() ? Defaults.API_URL : apiUrl.strip();
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
            throw new HexclaveConfigException(key, "{key} is not a valid URL");
        }
        if (uri.getScheme() == null || !(uri.getScheme().equalsIgnoreCase("https") || uri.getScheme().equalsIgnoreCase("http"))
                || uri.getHost() == null || uri.getRawQuery() != null || uri.getRawFragment() != null
                || uri.getRawUserInfo() != null) {
            throw new HexclaveConfigException(key, "{key} must be an http(s) URL without query, fragment or user info, "
                    + "such as " + Defaults.API_URL);
        }
        return url;
    }

    /**
     * Refuses {@code http://} for a host that is not loopback unless {@code allowed}; when allowed and in effect, warns
     * (once per URL).
     */
    private static void checkPlainHttp(String apiUrl, boolean allowed) {
        URI uri = URI.create(apiUrl);
        if (!uri.getScheme().equalsIgnoreCase("http") || isLoopback(uri.getHost())) {
            return;
        }
        if (!allowed) {
            throw new HexclaveConfigException(Keys.API_URL, "{key} is a plain http:// URL for " + uri.getHost()
                    + ", which is not a loopback host: the signing keys, the secret server key and users' tokens would "
                    + "travel in cleartext. Use https://, or set " + HexclaveConfigException.PREFIX + Keys.ALLOW_PLAIN_HTTP
                    + "=true if the network to it is trusted.");
        }
        if (PLAIN_HTTP_WARNED.add(apiUrl)) {
            LOG.warnf("Hexclave API URL %s is plain http:// for a host that is not loopback (allow-plain-http is set): "
                    + "the signing keys, the secret server key and users' tokens travel in cleartext", apiUrl);
        }
    }

    /** {@code localhost}, an IPv4 literal in {@code 127.0.0.0/8} or the IPv6 literal {@code ::1}; no name is resolved. */
    static boolean isLoopback(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.equals("localhost")) {
            return true;
        }
        if (IPV4.matcher(h).matches()) {
            return h.startsWith("127.");
        }
        if (h.startsWith("[") && h.endsWith("]")) {
            String literal = h.substring(1, h.length() - 1);
            try {
                return literal.indexOf(':') >= 0 && java.net.InetAddress.getByName(literal).isLoopbackAddress();
            } catch (java.net.UnknownHostException e) {
                return false;
            }
        }
        return false;
    }

    /**
     * The origin a token issued through {@code url} names: scheme, host and port, lower-cased, without a trailing slash
     * or a default port ({@code :443} for https, {@code :80} for http), and with the hosted service's failover hosts
     * ({@code api1}, {@code api2}, {@code api3}, {@code r}) mapped to the {@code api} host that stamps the issuer.
     */
    static String origin(String url) {
        URI uri = URI.create(url);
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        java.util.regex.Matcher failover = FAILOVER_HOST.matcher(host);
        if (scheme.equals("https") && failover.matches()) {
            host = "api." + failover.group(2);
        }
        int port = uri.getPort();
        boolean defaultPort = port == -1 || (scheme.equals("https") && port == 443) || (scheme.equals("http") && port == 80);
        return scheme + "://" + host + (defaultPort ? "" : ":" + port);
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
            result.add(origin(normaliseApiUrl(o, Keys.ISSUER_ORIGINS)));
        }
        return List.copyOf(result);
    }

    private static Duration nonNegative(Duration d, Duration dflt, String key) {
        Duration v = d == null ? dflt : d;
        if (v.isNegative()) {
            throw new HexclaveConfigException(key, "{key} must not be negative, got " + v);
        }
        return v;
    }

    private static Duration atLeast(Duration d, Duration dflt, Duration min, String key) {
        Duration v = d == null ? dflt : d;
        if (v.compareTo(min) < 0) {
            throw new HexclaveConfigException(key, "{key} must be at least " + min.toSeconds() + "s, got " + v);
        }
        return v;
    }

    private static Duration positive(Duration d, Duration dflt, String key) {
        Duration v = d == null ? dflt : d;
        if (v.isNegative() || v.isZero()) {
            throw new HexclaveConfigException(key, "{key} must be positive, got " + v);
        }
        return v;
    }

    /** Builder of {@link HexclaveSettings}; unset values take their {@link Defaults}. */
    public static final class Builder {
        private String projectId;
        private String apiUrl;
        private List<String> issuerOrigins;
        private Secret secretServerKey;
        private String publishableClientKey;
        private boolean allowRestrictedUsers = Defaults.ALLOW_RESTRICTED_USERS;
        private boolean allowAnonymousUsers = Defaults.ALLOW_ANONYMOUS_USERS;
        private Duration clockSkew;
        private Duration jwksCacheTime;
        private Duration jwksRefreshCooldown;
        private Duration jwksMaxStale;
        private Duration connectTimeout;
        private Duration readTimeout;
        private String jcaProvider;
        private Set<CredentialSource> credentialSources;
        private int verifiedTokenCacheSize = Defaults.VERIFIED_TOKEN_CACHE_SIZE;
        private int maxRetries = Defaults.MAX_RETRIES;
        private VerificationMode verificationMode;
        private Duration restCacheTtl;
        private int restCacheSize = Defaults.REST_CACHE_SIZE;
        private boolean allowPlainHttp = Defaults.ALLOW_PLAIN_HTTP;
        private boolean cookieCrossSiteCheck = Defaults.COOKIE_CROSS_SITE_CHECK;

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

        public Builder jwksMaxStale(Duration jwksMaxStale) {
            this.jwksMaxStale = jwksMaxStale;
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

        public Builder verificationMode(VerificationMode verificationMode) {
            this.verificationMode = verificationMode;
            return this;
        }

        public Builder restCacheTtl(Duration restCacheTtl) {
            this.restCacheTtl = restCacheTtl;
            return this;
        }

        public Builder restCacheSize(int restCacheSize) {
            this.restCacheSize = restCacheSize;
            return this;
        }

        public Builder allowPlainHttp(boolean allow) {
            this.allowPlainHttp = allow;
            return this;
        }

        public Builder cookieCrossSiteCheck(boolean check) {
            this.cookieCrossSiteCheck = check;
            return this;
        }

        public HexclaveSettings build() {
            return new HexclaveSettings(projectId, apiUrl, issuerOrigins, Optional.ofNullable(secretServerKey),
                    Optional.ofNullable(publishableClientKey), allowRestrictedUsers, allowAnonymousUsers, clockSkew,
                    jwksCacheTime, jwksRefreshCooldown, jwksMaxStale, connectTimeout, readTimeout, Optional.ofNullable(jcaProvider),
                    credentialSources, verifiedTokenCacheSize, maxRetries, verificationMode, restCacheTtl,
                    restCacheSize, allowPlainHttp, cookieCrossSiteCheck);
        }
    }
}
