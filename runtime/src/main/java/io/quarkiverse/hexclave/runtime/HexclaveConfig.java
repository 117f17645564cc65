package io.quarkiverse.hexclave.runtime;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.quarkiverse.hexclave.config.VerificationMode;
import io.quarkiverse.hexclave.credential.CredentialSource;
import io.quarkus.runtime.annotations.ConfigDocDefault;
import io.quarkus.runtime.annotations.ConfigDocSection;
import io.quarkus.runtime.annotations.ConfigPhase;
import io.quarkus.runtime.annotations.ConfigRoot;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Run-time configuration of the Hexclave extension.
 * <p>
 * Every key {@code quarkus.hexclave.<key>} that is not set falls back to {@code hexclave.<key>}, so the
 * {@code HEXCLAVE_PROJECT_ID}, {@code HEXCLAVE_SECRET_SERVER_KEY}, {@code HEXCLAVE_PUBLISHABLE_CLIENT_KEY} and
 * {@code HEXCLAVE_API_URL} variables that {@code hexclave dev} injects are picked up without any configuration.
 */
@ConfigMapping(prefix = "quarkus.hexclave")
@ConfigRoot(phase = ConfigPhase.RUN_TIME)
public interface HexclaveConfig {

    /**
     * The id of your Hexclave project (a UUID, shown in the Hexclave dashboard). Required.
     * <p>
     * When not set, the {@code HEXCLAVE_PROJECT_ID} environment variable (or {@code hexclave.project-id}) is used,
     * as injected by {@code hexclave dev}. The application fails to start when neither is set.
     */
    @ConfigDocDefault("value of HEXCLAVE_PROJECT_ID")
    Optional<String> projectId();

    /**
     * The Hexclave API origin, without {@code /api/v1}: the hosted service, or your self-hosted or local Hexclave.
     * <p>
     * Falls back to the {@code HEXCLAVE_API_URL} environment variable. Change it for a self-hosted Hexclave. A plain
     * {@code http://} URL is accepted only for a loopback host ({@code localhost}, {@code 127.0.0.0/8}, {@code ::1})
     * unless {@code allow-plain-http} is set.
     */
    @ConfigDocDefault("https://api.hexclave.com")
    Optional<String> apiUrl();

    /**
     * Accept a plain {@code http://} {@code api-url} for a host that is not loopback. The signing keys, the secret
     * server key and users' tokens then travel in cleartext: only for a network you trust. Logged as a warning at
     * start-up when it takes effect.
     */
    @WithDefault("false")
    boolean allowPlainHttp();

    /**
     * The origins accepted in a token's {@code iss} claim. By default the origin of {@code api-url} plus its rebrand
     * alias ({@code https://api.hexclave.com} and {@code https://api.stack-auth.com} accept each other's tokens).
     * Set it when your frontend reaches Hexclave through another host than your backend does.
     */
    @ConfigDocDefault("origin of api-url and its rebrand alias")
    Optional<List<String>> issuerOrigins();

    /**
     * The secret server key ({@code ssk_…}) used for server-side calls to Hexclave: the injected
     * {@code HexclaveClient}, the lazily loaded user profile and the {@code rest} verification mode.
     * <p>
     * Falls back to the {@code HEXCLAVE_SECRET_SERVER_KEY} environment variable. Never put it in a committed file.
     * Without it, token verification works, and client calls fail with a message saying this key is missing.
     */
    Optional<String> secretServerKey();

    /**
     * The publishable client key ({@code pck_…}), needed only by projects that require one for client-access calls.
     * Falls back to the {@code HEXCLAVE_PUBLISHABLE_CLIENT_KEY} environment variable.
     */
    Optional<String> publishableClientKey();

    /**
     * Accept tokens of restricted users (users who have not completed the project's onboarding requirements,
     * such as e-mail verification) on every endpoint. They get the role {@code restricted} besides
     * {@code authenticated}. To allow them on a few endpoints only, leave this off and annotate those endpoints with
     * {@code @AllowRestrictedUsers}.
     */
    @WithDefault("false")
    boolean allowRestrictedUsers();

    /**
     * Accept tokens of anonymous (guest) users on every endpoint; implies {@code allow-restricted-users}. They get
     * the roles {@code anonymous} and {@code restricted} besides {@code authenticated}. To allow them on a few
     * endpoints only, leave this off and annotate those endpoints with {@code @AllowAnonymousUsers}.
     */
    @WithDefault("false")
    boolean allowAnonymousUsers();

    /**
     * Leeway applied to a token's {@code exp} and {@code iat} claims. Hexclave tokens live ten minutes; raise it only
     * when your servers' clocks drift. At most 5m: a larger value fails start-up.
     */
    @WithDefault("30s")
    Duration clockSkew();

    /**
     * The signing keys (JWKS).
     */
    @ConfigDocSection
    Jwks jwks();

    /**
     * Calls from this application to Hexclave.
     */
    @ConfigDocSection
    Http http();

    /**
     * The server-side client ({@code HexclaveClient}).
     */
    @ConfigDocSection
    Client client();

    /**
     * Where a credential is looked for in a request, in this order: {@code authorization} (the SDK's
     * {@code Authorization: Bearer stackauth_…} header), {@code bearer} (a raw access token in
     * {@code Authorization: Bearer}), {@code access-token-header} ({@code x-hexclave-access-token} /
     * {@code x-stack-access-token}), {@code x-stack-auth} (the legacy JSON header) and {@code cookie} (the
     * {@code hexclave-access} cookie of same-site frontends). Narrow it to turn formats off.
     * <p>
     * The default is every source but {@code cookie}: the browser sends cookies with every same-site request (an
     * ambient credential, hence CSRF-prone), so list {@code cookie} explicitly only on same-site deployments whose
     * state-changing endpoints are protected against CSRF.
     */
    @ConfigDocDefault("all but cookie")
    Optional<List<CredentialSource>> credentialSources();

    /**
     * How many verified tokens are remembered until they expire, so that a token presented again is not verified
     * again. The cache is bounded in bytes, at this many times 1.5 KiB of heap (a typical Hexclave token's entry weighs
     * about 1.2 KiB), and evicts the least valuable entries one at a time. {@code 0} turns the cache off.
     */
    @WithDefault("50000")
    int verifiedTokenCacheSize();

    /**
     * How a token is verified.
     */
    @ConfigDocSection
    Verification verification();

    /**
     * The {@code cookie} credential source.
     */
    @ConfigDocSection
    Cookie cookie();

    /**
     * Priority of the Hexclave HTTP authentication mechanism. Quarkus asks mechanisms in descending priority; the
     * default runs Hexclave before {@code quarkus-smallrye-jwt} (priority 1000) and {@code quarkus-oidc} (1001),
     * which is safe because Hexclave declines bearer tokens it did not issue. Lower it below theirs when another
     * mechanism should send the challenge to callers without credentials (for example an OIDC login redirect); but
     * {@code quarkus-oidc} refuses the bearer tokens it did not issue, so Hexclave tokens then pass only on paths that
     * select the Hexclave mechanism. To let a path take only Hexclave tokens, select the mechanism:
     * {@code quarkus.http.auth.permission.<name>.auth-mechanism=hexclave}, or
     * {@code @HttpAuthenticationMechanism("hexclave")} on an endpoint.
     */
    @WithDefault("1100")
    int priority();

    /**
     * The HTTP status answered when Hexclave's signing keys (or, in {@code rest} mode, Hexclave itself) cannot be
     * reached and no cached keys can verify the token. Such a request is never let in and never answered 401, since
     * the caller is not at fault.
     */
    @WithDefault("503")
    int keysUnavailableStatus();

    /**
     * The {@code Cache-Control} header of responses to requests authenticated by Hexclave.
     */
    @ConfigDocSection
    CacheControl cacheControl();

    /**
     * The user profile loaded by {@code CurrentHexclaveUser#profile()}.
     */
    @ConfigDocSection
    UserProfile userProfile();

    /**
     * Webhooks: Hexclave's signed event deliveries, fired as CDI events.
     */
    @ConfigDocSection
    Webhook webhook();

    /**
     * Supabase tokens: an injectable {@code SupabaseTokens} that mints the Supabase JWT of the signed-in Hexclave user.
     */
    @ConfigDocSection
    Supabase supabase();

    /**
     * Requests that carry a Hexclave user or team API key (machine clients, scripts, CLIs).
     */
    @ConfigDocSection
    ApiKeys apiKeys();

    /** Signing keys. */
    interface Jwks {
        /**
         * How long fetched signing keys are used before they are refreshed in the background, at most; a shorter
         * {@code Cache-Control: max-age} from Hexclave wins.
         */
        @WithDefault("1h")
        Duration cacheTime();

        /**
         * Minimum time between two key fetches of any kind (an unknown key id, the readiness check, a due refresh), so
         * that tokens with made-up key ids or probes cannot hammer Hexclave. At least 1s: a smaller value fails start-up.
         */
        @WithDefault("30s")
        Duration refreshCooldown();

        /**
         * How long signing keys may keep serving after their last successful fetch while refreshes fail. Past it they
         * are dropped (logged once, code HEXCLAVE004) and Hexclave tokens are answered as "keys unavailable" until a
         * fetch succeeds. At least {@code jwks.cache-time}.
         */
        @WithDefault("24h")
        Duration maxStale();
    }

    /** Outgoing HTTP. */
    interface Http {
        /** Connect timeout of every call to Hexclave. */
        @WithDefault("5s")
        Duration connectTimeout();

        /**
         * Time allowed for one call to Hexclave, from sending the request to the last byte of the answer (headers and
         * body): an answer whose body stalls fails as a timeout.
         */
        @WithDefault("10s")
        Duration readTimeout();

        /**
         * The name of the TLS configuration ({@code quarkus.tls."<name>".*}, the Quarkus TLS registry) for calls to
         * Hexclave: its trust store, key store (client certificate) and hostname verification. Set it for a
         * self-hosted Hexclave whose certificate a private CA signed. An unknown name fails the start.
         * <p>
         * When not set, the default TLS configuration ({@code quarkus.tls.*}) applies if it sets a trust store (or
         * trust-all); otherwise the JVM's trust store ({@code cacerts}) decides, which is right for
         * {@code https://api.hexclave.com}.
         */
        Optional<String> tlsConfigurationName();

        /**
         * The name of the proxy configuration ({@code quarkus.proxy."<name>".*}, the Quarkus proxy registry) that
         * calls to Hexclave go through; {@code none} for no proxy. An unknown name fails the start.
         * <p>
         * When not set, the default proxy configuration ({@code quarkus.proxy.host} …) applies if it sets a host;
         * otherwise calls go out directly. The JVM's {@code http(s).proxyHost} properties are not used.
         */
        Optional<String> proxyConfigurationName();
    }

    /** Client. */
    interface Client {
        /**
         * How many times an idempotent call is retried after a connection error, a 429, or a 502/503/504
         * (0 to 10).
         */
        @WithDefault("3")
        int maxRetries();
    }

    /** Verification. */
    interface Verification {
        /**
         * {@code jwt}: verify the token's signature and claims locally with the project's cached keys (fast, no call
         * per request). {@code rest}: ask Hexclave ({@code GET /users/me}) for every token, so revoked sessions and
         * deleted users are refused at once (needs {@code secret-server-key}; costs a round trip, cached for
         * {@code rest-cache-ttl}). {@code both}: verify the signature locally first, then ask Hexclave.
         * <p>
         * In {@code rest} mode the signature is not checked locally: only the token's shape and unverified claims
         * (issuer, audience, expiry, user class) are pre-checked, so an unsigned or forged token with plausible claims
         * does cost a call to Hexclave (and counts against its rate limit). Revocation-sensitive applications should
         * use {@code both}, where only correctly signed tokens reach Hexclave.
         */
        @WithDefault("jwt")
        VerificationMode mode();

        /**
         * How long a token accepted by Hexclave in the {@code rest} and {@code both} modes is trusted without
         * asking again ({@code 0} asks every time). Keep it short: a revoked session stays accepted that long.
         */
        @WithDefault("5s")
        Duration restCacheTtl();

        /** How many tokens the {@code rest-cache-ttl} cache holds at most. */
        @WithDefault("10000")
        int restCacheSize();
    }

    /** Cookie credentials. */
    interface Cookie {
        /**
         * Refuse (403) a request authenticated by the {@code hexclave-access} cookie whose method is not
         * {@code GET}, {@code HEAD} or {@code OPTIONS} unless it shows it comes from this site:
         * {@code Sec-Fetch-Site: same-origin} or {@code same-site}, or an {@code Origin} with the request's scheme,
         * host and port. This is the CSRF guard of cookie credentials; turn it off only when the application has
         * its own CSRF protection. Behind a TLS-terminating proxy, enable {@code quarkus.http.proxy.*} forwarding so
         * that the request's scheme and host are the browser's.
         */
        @WithDefault("true")
        boolean crossSiteCheck();
    }

    /** Response caching headers. */
    interface CacheControl {
        /**
         * Add a {@code Cache-Control} header to every response to a request authenticated by Hexclave, unless the
         * application set one itself. Such responses depend on the user and must not be cached by shared caches.
         */
        @WithDefault("true")
        boolean enabled();

        /** The value of that header. */
        @WithDefault("private, no-store")
        String value();
    }

    /** User profile loading. */
    interface UserProfile {
        /**
         * How long a loaded user profile is reused across requests of the same user ({@code 0}: load it at most once
         * per request and never share it between requests). A profile edited in Hexclave shows up after this time.
         */
        @WithDefault("0s")
        Duration cacheTtl();

        /** How many profiles that cache holds at most. */
        @WithDefault("1000")
        int cacheSize();
    }

    /** Webhooks. */
    interface Webhook {
        /**
         * The signing secret of your Hexclave webhook endpoint ({@code whsec_…}, shown in the dashboard under
         * "Webhooks"). When set, a {@code POST} route at {@code quarkus.hexclave.webhook.path} verifies each delivery
         * and fires it as a CDI event; when not set, there is no such route. During a secret rotation, list the new
         * and the old secret separated by a comma: a delivery signed by either is accepted.
         * <p>
         * Falls back to the {@code HEXCLAVE_WEBHOOK_SECRET} environment variable. Never put it in a committed file. In
         * dev and test mode, Dev Services set it for the emulator's deliveries when it is not configured.
         */
        Optional<String> secret();

        /**
         * The largest accepted distance between a delivery's signed timestamp and now, both ways (replay window).
         * The default is that of Svix's own libraries; lower it only when your clocks are synchronised.
         */
        @WithDefault("5m")
        Duration tolerance();

        /**
         * How long the ids of delivered events are remembered, so that a delivery repeated by Hexclave (its retries
         * span about a day: 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h) is acknowledged without firing its event
         * again.
         */
        @WithDefault("28h")
        Duration deduplicationWindow();

        /**
         * How many delivery ids are remembered at most (the oldest are forgotten first). Each takes at most about
         * 0.6 KiB of heap (an id is at most 256 characters; Svix's are about 30), so the default bounds the memory to
         * about 6 MiB and typically uses far less.
         */
        @WithDefault("10000")
        int deduplicationSize();
    }

    /** Supabase. */
    interface Supabase {
        /**
         * The JWT secret of your Supabase project (Settings, API, "JWT Secret"; at least 32 characters). When set,
         * {@code io.quarkiverse.hexclave.supabase.SupabaseTokens} can be injected to mint Supabase tokens for
         * Hexclave users; without it, injecting one fails with a message naming this key.
         * <p>
         * Falls back to the {@code HEXCLAVE_SUPABASE_JWT_SECRET} environment variable. Never put it in a committed
         * file: anyone who has it can sign in to Supabase as any user.
         */
        Optional<String> jwtSecret();

        /** Lifetime of a minted token ({@code exp - iat}). The default is that of Hexclave's Supabase guide. */
        @WithDefault("1h")
        Duration lifetime();

        /** Mint tokens for restricted users too (by default they get none). */
        @WithDefault("false")
        boolean allowRestrictedUsers();

        /** Mint tokens for anonymous users too; implies {@code allow-restricted-users} (by default they get none). */
        @WithDefault("false")
        boolean allowAnonymousUsers();
    }

    /** API keys presented to this application. */
    interface ApiKeys {
        /**
         * Whether a request carrying a Hexclave API key is authenticated as the key's owner: a user key as its user
         * (roles {@code authenticated} and {@code hexclave-api-key}), a team key as its team (roles {@code team} and
         * {@code hexclave-api-key}). Off by default: turning it on lets a new kind of caller (scripts, services, team
         * keys) reach endpoints written for signed-in users, so review what they inject (a key caller has no
         * {@code @HexclaveUser HexclavePrincipal}) and refuse keys where needed ({@code @RefuseApiKeys}). Keys are
         * checked with Hexclave, so this needs the secret server key; without one, keys are not looked at.
         */
        @WithDefault("false")
        boolean enabled();

        /** The request headers that carry a key, looked at in this order (matched case-insensitively). */
        @WithDefault("x-hexclave-api-key,x-stack-api-key")
        List<String> headers();

        /**
         * Whether {@code Authorization: Bearer <key>} is taken as an API key too, when its value is shaped like a
         * Hexclave API key (never a JWT: access tokens and other mechanisms' tokens are left alone).
         */
        @WithDefault("true")
        boolean bearer();

        /**
         * How long Hexclave's answer about a key (valid, or refused) is reused, keyed by the key's SHA-256 digest.
         * This is the revocation delay: a key revoked in Hexclave keeps working for up to this long. {@code 0} asks
         * Hexclave on every request (concurrent requests with the same key still share one call).
         */
        @WithDefault("30s")
        Duration cacheTtl();

        /** How many answers that cache holds at most. */
        @WithDefault("10000")
        int cacheSize();
    }
}
