package io.quarkiverse.hexclave.jakarta.internal;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.servlet.ServletContext;

import org.jboss.logging.Logger;

import io.quarkiverse.hexclave.apikey.ApiKeyAuthentication;
import io.quarkiverse.hexclave.apikey.ApiKeySettings;
import io.quarkiverse.hexclave.cdi.UserProfileCache;
import io.quarkiverse.hexclave.client.HexclaveClient;
import io.quarkiverse.hexclave.config.ConfigLookup;
import io.quarkiverse.hexclave.config.HexclaveSettings;
import io.quarkiverse.hexclave.credential.HexclaveCredentials;
import io.quarkiverse.hexclave.verifier.HexclaveTokenVerifier;
import io.quarkiverse.hexclave.verifier.UserClass;
import io.quarkiverse.hexclave.verifier.UserClassPolicy;

/**
 * The application's Hexclave settings and the core objects built from them, once per application.
 * <p>
 * Settings are read when the application starts, from MicroProfile Config ({@code hexclave.*}) when the server has
 * it, else system properties, else {@code HEXCLAVE_*} environment variables; a missing or malformed key fails the
 * deployment with a message that names it; a {@code hexclave.*} key this adapter does not use (one only the Quarkus
 * extension understands, or a misspelt one) is named in a warning, once. The verifier and the client are built on
 * first use (neither makes a network call when built) and the client is closed when the application stops.
 */
@ApplicationScoped
public class HexclaveComponents {

    private static final Logger LOG = Logger.getLogger(HexclaveComponents.class);

    /** Where the keys are read; {@code null}: {@link ConfigLookup#defaults()}, looked up when first needed. */
    private final ConfigLookup lookup;
    private final Lazy<HexclaveSettings> settings = new Lazy<>(() -> HexclaveSettings.from(lookup()));
    private final Lazy<HexclaveCredentials> credentials = new Lazy<>(() -> new HexclaveCredentials(settings()));
    /** The user classes this module's endpoints grant ({@link EndpointGrants}), recorded before the verifier is built. */
    private volatile Set<UserClass> endpointGrants = Set.of();
    private final Lazy<HexclaveTokenVerifier> verifier = new Lazy<>(() -> HexclaveTokenVerifier.create(settings(),
            UserClassPolicy.of(settings().allowRestrictedUsers(), settings().allowAnonymousUsers())
                    .withGrants(List.of(endpointGrants)),
            Clock.systemUTC()));
    private final Lazy<HexclaveClient> client = new Lazy<>(() -> HexclaveClient.create(settings()));
    private final Lazy<WebhookSettings> webhookSettings = new Lazy<>(() -> WebhookSettings.from(lookup()));
    private final Lazy<AuthorizationSettings> authorizationSettings = new Lazy<>(
            () -> AuthorizationSettings.from(lookup(), settings()));
    private final Lazy<ResponseSettings> responseSettings = new Lazy<>(() -> ResponseSettings.from(lookup()));
    private final Lazy<UserProfileSettings> userProfileSettings = new Lazy<>(() -> UserProfileSettings.from(lookup()));
    private final Lazy<Optional<UserProfileCache>> userProfileCache = new Lazy<>(
            () -> userProfileSettings.get().newCache());
    private final Lazy<UserAuthorizationCache> authorization = new Lazy<>(
            () -> new UserAuthorizationCache(client(), authorizationSettings()));
    private final Lazy<ApiKeySettings> apiKeySettings = new Lazy<>(
            () -> ApiKeySettings.from(lookup(), HexclaveSettings.Keys.PREFIX));
    private final Lazy<ApiKeyAuthentication> apiKeys = new Lazy<>(
            () -> ApiKeyAuthentication.of(apiKeySettings.get(), settings(), client()));

    /** For CDI: the keys come from MicroProfile Config, system properties and the environment. */
    public HexclaveComponents() {
        this(null);
    }

    /** With the keys read from {@code lookup} instead, for tests or programmatic set-up. */
    public HexclaveComponents(ConfigLookup lookup) {
        this.lookup = lookup;
    }

    private ConfigLookup lookup() {
        return lookup != null ? lookup : ConfigLookup.defaults();
    }

    /** The web module whose configuration {@link #settings()} were read from: the only one they may serve. */
    private final AtomicReference<String> owner = new AtomicReference<>();

    private final AtomicBoolean keysReported = new AtomicBoolean();

    /**
     * Reads the settings when the application starts, so that a configuration mistake fails the deployment; and, when
     * the event names a web module (its {@code ServletContext}), binds these components to it.
     */
    void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
        if (event instanceof ServletContext context) {
            claim(context);
        }
        HexclaveSettings read = settings();
        AuthorizationSettings authorization = authorizationSettings(); // hexclave.authorization.* fail the deployment too
        ResponseSettings responses = responseSettings(); // so do keys-unavailable-status and cache-control.*
        UserProfileSettings profiles = userProfileSettings.get(); // and user-profile.*
        webhookSettings(); // and webhook.*
        ApiKeySettings keys = apiKeySettings.get(); // and api-keys.*
        LOG.debugf("Hexclave settings: %s, %s, %s, %s, %s", read, authorization, responses, profiles, keys);
        if (keysReported.compareAndSet(false, true)) { // keys this adapter does not use: named at WARN, once
            ConfigKeyReport.report(lookup());
        }
    }

    /** Hands these components to the readiness check (through its extension, which every bean archive sees). */
    void handOver(@Observes @Initialized(ApplicationScoped.class) Object event, BeanManager beanManager) {
        try {
            beanManager.getExtension(HexclaveHealthExtension.class).components(this);
        } catch (IllegalArgumentException e) {
            LOG.debug("HexclaveHealthExtension is not registered: no readiness check");
        }
    }

    /**
     * Binds these components to the web module of {@code context} ({@link #claim(String)}) and takes its endpoint
     * grants, found by {@link HexclaveGrantsInitializer}, for the verifier: called when the application starts and
     * before each request is authenticated.
     *
     * @throws IllegalStateException when another module already uses these components
     */
    public void claim(ServletContext context) {
        claim(context.getContextPath());
        Set<UserClass> granted = EndpointGrants.of(context).classes();
        if (granted.equals(endpointGrants)) {
            return;
        }
        if (verifier.created()) {
            // Cannot happen when the container runs HexclaveGrantsInitializer before the application starts.
            LOG.warnf("Hexclave endpoint grants %s were found after the verifier was built: they admit nobody", granted);
            return;
        }
        endpointGrants = granted;
    }

    /**
     * Binds these components to the web module {@code contextPath}, or fails if another module already uses them.
     * <p>
     * One project per deployment unit: the settings are read once, from the configuration visible to the first
     * module. When this jar sits in an EAR's {@code lib/} and several WARs share it, CDI gives them one instance, and
     * the second WAR would verify its tokens with the first one's project id, issuer and user-class policy. That is
     * refused (the deployment fails, or, if a server did not report the second module at start-up, its requests get
     * {@code 500}), never served.
     *
     * @throws IllegalStateException naming both modules and the fix
     */
    public void claim(String contextPath) {
        String module = contextPath == null || contextPath.isEmpty() ? "/" : contextPath;
        String first = owner.compareAndExchange(null, module);
        if (first != null && !first.equals(module)) {
            IllegalStateException e = new IllegalStateException("hexclave-jakarta is shared by the web modules '"
                    + first + "' and '" + module + "', but its settings belong to one deployment unit (one Hexclave "
                    + "project): package hexclave-jakarta (and hexclave-core) in each WAR's WEB-INF/lib instead of "
                    + "the EAR's lib/, or deploy one WAR per application.");
            LOG.error(e.getMessage());
            throw e;
        }
    }

    /** The validated settings, read once. */
    public HexclaveSettings settings() {
        return settings.get();
    }

    /** Finds credentials in requests, per {@code hexclave.credential-sources}. */
    public HexclaveCredentials credentials() {
        return credentials.get();
    }

    /**
     * The application's token verifier, in the configured {@code hexclave.verification.mode} (one JWKS cache and
     * verified-token cache per application). Its policy is the global one of {@code hexclave.allow-restricted-users}
     * / {@code allow-anonymous-users}, with the classes the module's endpoints grant as {@code anywhere}: only the
     * mechanism and {@code HexclaveUserClassFilter} admit those, on granting endpoints.
     */
    public HexclaveTokenVerifier verifier() {
        return verifier.get();
    }

    /** The application's REST client. */
    public HexclaveClient client() {
        return client.get();
    }

    /** The {@code hexclave.authorization.*} settings, read once. */
    public AuthorizationSettings authorizationSettings() {
        return authorizationSettings.get();
    }

    /** The {@code hexclave.keys-unavailable-status} and {@code hexclave.cache-control.*} settings, read once. */
    public ResponseSettings responseSettings() {
        return responseSettings.get();
    }

    /**
     * The profiles loaded by {@code CurrentHexclaveUser#profile()}, shared across requests for
     * {@code hexclave.user-profile.cache-ttl}; empty when that is 0 (the default).
     */
    public Optional<UserProfileCache> userProfileCache() {
        return userProfileCache.get();
    }

    /** The {@code hexclave.webhook.*} settings, read once. */
    public WebhookSettings webhookSettings() {
        return webhookSettings.get();
    }

    /** API-key authentication per {@code hexclave.api-keys.*} (off when disabled or without a secret server key). */
    public ApiKeyAuthentication apiKeys() {
        return apiKeys.get();
    }

    /** Users' permissions and teams, cached per {@code hexclave.authorization.*}. */
    public UserAuthorizationCache authorization() {
        return authorization.get();
    }

    /** The permission and team caches, if built yet (nothing to forget otherwise). */
    public Optional<UserAuthorizationCache> authorizationIfCreated() {
        return authorization.created() ? Optional.of(authorization.get()) : Optional.empty();
    }

    @PreDestroy
    void close() {
        verifier.ifCreated(HexclaveTokenVerifier::close);
        client.ifCreated(HexclaveClient::close);
    }

    /** A value built once, on first use, thread-safely. */
    static final class Lazy<T> {
        private final Supplier<T> factory;
        private volatile T value;

        Lazy(Supplier<T> factory) {
            this.factory = factory;
        }

        T get() {
            T v = value;
            if (v == null) {
                synchronized (this) {
                    v = value;
                    if (v == null) {
                        v = factory.get();
                        value = v;
                    }
                }
            }
            return v;
        }

        boolean created() {
            return value != null;
        }

        void ifCreated(java.util.function.Consumer<T> action) {
            T v = value;
            if (v != null) {
                action.accept(v);
            }
        }
    }
}
