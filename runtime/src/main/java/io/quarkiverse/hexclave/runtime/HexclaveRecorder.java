package io.quarkiverse.hexclave.runtime;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import org.jboss.logging.Logger;

import io.quarkiverse.hexclave.apikey.ApiKeyAuthentication;
import io.quarkiverse.hexclave.apikey.ApiKeySettings;
import io.quarkiverse.hexclave.cdi.UserProfileCache;
import io.quarkiverse.hexclave.client.HexclaveClient;
import io.quarkiverse.hexclave.client.HexclaveTransport;
import io.quarkiverse.hexclave.config.HexclaveConfigException;
import io.quarkiverse.hexclave.config.HexclaveSettings;
import io.quarkiverse.hexclave.config.Secret;
import io.quarkiverse.hexclave.credential.HexclaveCredentials;
import io.quarkiverse.hexclave.runtime.http.OutgoingHttp;
import io.quarkiverse.hexclave.runtime.internal.CurrentUsers;
import io.quarkiverse.hexclave.runtime.internal.EndpointGrant;
import io.quarkiverse.hexclave.runtime.internal.EndpointVerifier;
import io.quarkiverse.hexclave.runtime.internal.GlobalPolicyVerifier;
import io.quarkiverse.hexclave.runtime.internal.MechanismOptions;
import io.quarkiverse.hexclave.runtime.internal.UserClassEndpoints;
import io.quarkiverse.hexclave.observe.HexclaveObserver;
import io.quarkiverse.hexclave.runtime.metrics.MicrometerObserver;
import io.quarkiverse.hexclave.runtime.tracing.TracingTransport;
import io.quarkiverse.hexclave.supabase.SupabaseTokens;
import io.quarkiverse.hexclave.verifier.HexclaveTokenVerifier;
import io.quarkiverse.hexclave.verifier.UserClassPolicy;
import io.quarkus.arc.SyntheticCreationalContext;
import io.quarkus.proxy.ProxyConfigurationRegistry;
import io.quarkus.runtime.RuntimeValue;
import io.quarkus.runtime.ShutdownContext;
import io.quarkus.runtime.annotations.Recorder;
import io.quarkus.tls.TlsConfigurationRegistry;
import io.vertx.core.Vertx;

/**
 * Builds the extension's run-time objects from {@link HexclaveConfig}: the one place where the Quarkus configuration
 * becomes the core's {@link HexclaveSettings}. Nothing here touches the network: keys are fetched on first use.
 */
@Recorder
public class HexclaveRecorder {

    /** How the core's configuration errors name keys for a Quarkus user. */
    public static final String PREFIX = "quarkus.hexclave.";

    private static final Logger LOG = Logger.getLogger(HexclaveRecorder.class);

    private final RuntimeValue<HexclaveConfig> config;

    public HexclaveRecorder(RuntimeValue<HexclaveConfig> config) {
        this.config = config;
    }

    /**
     * The project's settings as configured (the global user-class policy).
     *
     * @param jcaProvider the build-time {@code quarkus.hexclave.jca-provider}, or {@code null}
     * @throws HexclaveConfigException naming the {@code quarkus.hexclave.*} key to fix
     */
    public RuntimeValue<HexclaveSettings> settings(String jcaProvider) {
        HexclaveSettings settings = toSettings(config.getValue(), jcaProvider);
        LOG.debugf("Hexclave: %s", settings); // masks the secret key
        return new RuntimeValue<>(settings);
    }

    /** The endpoints annotated {@code @AllowRestrictedUsers} / {@code @AllowAnonymousUsers}, found at build time. */
    public RuntimeValue<UserClassEndpoints> userClassEndpoints(List<EndpointGrant> grants) {
        return new RuntimeValue<>(new UserClassEndpoints(grants));
    }

    /**
     * The extension's verifier of {@code quarkus.hexclave.verification.mode}: its {@code anywhere} classes add the
     * endpoint grants, which only the identity provider and the JAX-RS filter ask for, per request.
     */
    public RuntimeValue<EndpointVerifier> endpointVerifier(RuntimeValue<HexclaveSettings> settings,
            RuntimeValue<UserClassEndpoints> endpoints, RuntimeValue<HexclaveObserver> observer,
            RuntimeValue<HexclaveTransport> transport, ShutdownContext shutdown) {
        HexclaveSettings s = settings.getValue();
        UserClassPolicy policy = UserClassPolicy.of(s.allowRestrictedUsers(), s.allowAnonymousUsers())
                .withGrants(endpoints.getValue().all().stream().map(EndpointGrant::grant).toList());
        HexclaveTokenVerifier verifier = rendered(() -> HexclaveTokenVerifier.create(s, policy, Clock.systemUTC(),
                observer.getValue(), transport.getValue()));
        shutdown.addShutdownTask(verifier::close);
        return new RuntimeValue<>(new EndpointVerifier(verifier));
    }

    /**
     * The injectable verifier: the extension's, held to the global policy of the settings, so that application code
     * verifying tokens itself never admits the classes only some endpoints grant.
     */
    public RuntimeValue<HexclaveTokenVerifier> verifier(RuntimeValue<HexclaveSettings> settings,
            RuntimeValue<EndpointVerifier> endpointVerifier) {
        HexclaveSettings s = settings.getValue();
        return new RuntimeValue<>(new GlobalPolicyVerifier(endpointVerifier.getValue().verifier(),
                UserClassPolicy.of(s.allowRestrictedUsers(), s.allowAnonymousUsers())));
    }

    /**
     * What the verifier and the client tell of their work: Micrometer's meters when the application has
     * quarkus-micrometer (decided at build time), else nothing.
     */
    public RuntimeValue<HexclaveObserver> observer(boolean micrometer) {
        return new RuntimeValue<>(micrometer ? MicrometerObserver.global() : HexclaveObserver.NONE);
    }

    /**
     * The one HTTP transport of the application's calls to Hexclave: key fetches, token checks, API-key checks and the
     * injectable client share it (one Vert.x client on the application's Vert.x, one connection pool), with the TLS
     * and proxy configurations of {@code quarkus.hexclave.http.*}. It is closed at shutdown, after those who use it.
     *
     * @throws HexclaveConfigException naming {@code quarkus.hexclave.http.tls-configuration-name} or
     *         {@code proxy-configuration-name} when the registry has no configuration of that name
     */
    public RuntimeValue<HexclaveTransport> transport(RuntimeValue<HexclaveSettings> settings, Supplier<Vertx> vertx,
            Supplier<TlsConfigurationRegistry> tls, Supplier<ProxyConfigurationRegistry> proxies,
            ShutdownContext shutdown) {
        HexclaveConfig.Http http = config.getValue().http();
        HexclaveTransport transport = rendered(() -> OutgoingHttp.transport(vertx.get(),
                settings.getValue().connectTimeout(), http.tlsConfigurationName(), http.proxyConfigurationName(),
                tls.get(), proxies.get()));
        shutdown.addShutdownTask(transport::close);
        return new RuntimeValue<>(transport);
    }

    /**
     * {@code transport} with a span per request to Hexclave, for applications with quarkus-opentelemetry (decided at
     * build time: without it, no OpenTelemetry class is loaded).
     */
    public RuntimeValue<HexclaveTransport> traced(RuntimeValue<HexclaveTransport> transport) {
        return new RuntimeValue<>(TracingTransport.around(transport.getValue()));
    }

    /**
     * The server-side client over the shared transport, built when first asked for (an application that only verifies
     * tokens never loads it); its calls fail with a clear message when no secret server key is configured.
     */
    public Supplier<HexclaveClient> client(RuntimeValue<HexclaveSettings> settings,
            RuntimeValue<HexclaveObserver> observer, RuntimeValue<HexclaveTransport> transport) {
        return new OnFirstUse<>(() -> HexclaveClient.builder(settings.getValue()).observer(observer.getValue())
                .transport(transport.getValue()).build());
    }

    /**
     * API-key authentication per {@code quarkus.hexclave.api-keys.*}: off when disabled or without a secret server
     * key (keys are checked with Hexclave's server API).
     */
    public RuntimeValue<ApiKeyAuthentication> apiKeys(RuntimeValue<HexclaveSettings> settings,
            Supplier<HexclaveClient> client) {
        HexclaveConfig.ApiKeys c = config.getValue().apiKeys();
        ApiKeySettings keys = rendered(() -> new ApiKeySettings(c.enabled(), c.headers(), c.bearer(), c.cacheTtl(),
                c.cacheSize()));
        ApiKeyAuthentication authentication = ApiKeyAuthentication.of(keys, settings.getValue(), client);
        LOG.debugf("Hexclave API keys: %s", authentication);
        return new RuntimeValue<>(authentication);
    }

    /** Finds credentials in requests. */
    public RuntimeValue<HexclaveCredentials> credentials(RuntimeValue<HexclaveSettings> settings) {
        return new RuntimeValue<>(new HexclaveCredentials(settings.getValue()));
    }

    /** Status, priority and response headers of the authentication mechanism. */
    public RuntimeValue<MechanismOptions> mechanismOptions() {
        HexclaveConfig c = config.getValue();
        int status = c.keysUnavailableStatus();
        if (status < 500 || status > 599) {
            throw new HexclaveConfigException("keys-unavailable-status", "{key} must be a 5xx status (the caller is "
                    + "not at fault), got " + status).renderedFor(PREFIX);
        }
        Optional<String> cacheControl = c.cacheControl().enabled()
                ? Optional.of(c.cacheControl().value()).map(String::strip).filter(v -> !v.isEmpty())
                : Optional.empty();
        return new RuntimeValue<>(new MechanismOptions(c.priority(), status, cacheControl));
    }

    /** Builds the request-scoped {@code CurrentHexclaveUser}s, with the optional profile cache. */
    public RuntimeValue<CurrentUsers> currentUsers(Supplier<HexclaveClient> client) {
        HexclaveConfig.UserProfile profile = config.getValue().userProfile();
        UserProfileCache cache = profile.cacheTtl().isZero() || profile.cacheTtl().isNegative()
                ? null
                : new UserProfileCache(profile.cacheTtl(), profile.cacheSize(), Clock.systemUTC());
        return new RuntimeValue<>(new CurrentUsers(client, cache));
    }

    /**
     * Makes the {@code SupabaseTokens} bean on its first injection, from {@code quarkus.hexclave.supabase.*}.
     *
     * @throws HexclaveConfigException naming {@code quarkus.hexclave.supabase.jwt-secret} when it is not set or too short
     */
    public Function<SyntheticCreationalContext<SupabaseTokens>, SupabaseTokens> supabaseTokens() {
        return context -> {
            HexclaveConfig.Supabase c = config.getValue().supabase();
            Secret secret = Secret.ofNullable(c.jwtSecret().orElse(null));
            if (secret == null) {
                throw new HexclaveConfigException("supabase.jwt-secret", "{key} is not set: SupabaseTokens needs your "
                        + "Supabase project's JWT secret (or the HEXCLAVE_SUPABASE_JWT_SECRET variable)")
                        .renderedFor(PREFIX);
            }
            return rendered(() -> SupabaseTokens.builder(secret).lifetime(c.lifetime())
                    .allowRestrictedUsers(c.allowRestrictedUsers()).allowAnonymousUsers(c.allowAnonymousUsers())
                    .build());
        };
    }

    // ---------------------------------------------------------------------------------------------------------

    static HexclaveSettings toSettings(HexclaveConfig c, String jcaProvider) {
        return rendered(() -> HexclaveSettings.builder(c.projectId().orElse(null))
                .apiUrl(c.apiUrl().orElse(null))
                .issuerOrigins(c.issuerOrigins().orElse(null))
                .secretServerKey(c.secretServerKey().orElse(null))
                .publishableClientKey(c.publishableClientKey().orElse(null))
                .allowRestrictedUsers(c.allowRestrictedUsers())
                .allowAnonymousUsers(c.allowAnonymousUsers())
                .clockSkew(c.clockSkew())
                .jwksCacheTime(c.jwks().cacheTime())
                .jwksRefreshCooldown(c.jwks().refreshCooldown())
                .jwksMaxStale(c.jwks().maxStale())
                .connectTimeout(c.http().connectTimeout())
                .readTimeout(c.http().readTimeout())
                .jcaProvider(jcaProvider)
                .credentialSources(c.credentialSources().orElse(null))
                .verifiedTokenCacheSize(c.verifiedTokenCacheSize())
                .maxRetries(c.client().maxRetries())
                .verificationMode(c.verification().mode())
                .restCacheTtl(c.verification().restCacheTtl())
                .restCacheSize(c.verification().restCacheSize())
                .allowPlainHttp(c.allowPlainHttp())
                .cookieCrossSiteCheck(c.cookie().crossSiteCheck())
                .build());
    }

    /** {@code factory}'s value, made once, when first asked for. */
    static final class OnFirstUse<T> implements Supplier<T> {

        private final Supplier<T> factory;
        private volatile T value;

        OnFirstUse(Supplier<T> factory) {
            this.factory = factory;
        }

        @Override
        public T get() {
            T made = value;
            if (made == null) {
                synchronized (this) { // no blocking inside: builds an object
                    made = value;
                    if (made == null) {
                        made = factory.get();
                        value = made;
                    }
                }
            }
            return made;
        }
    }

    /** Runs {@code factory}; a core configuration error names its key as a Quarkus user writes it. */
    private static <T> T rendered(Supplier<T> factory) {
        try {
            return factory.get();
        } catch (HexclaveConfigException e) {
            throw e.renderedFor(PREFIX);
        }
    }
}
