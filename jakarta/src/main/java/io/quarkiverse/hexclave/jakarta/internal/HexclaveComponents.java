package io.quarkiverse.hexclave.jakarta.internal;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.servlet.ServletContext;

import org.jboss.logging.Logger;

import io.quarkiverse.hexclave.config.ConfigLookup;
import io.quarkiverse.hexclave.config.HexclaveSettings;
import io.quarkiverse.hexclave.credential.HexclaveCredentials;
import io.quarkiverse.hexclave.client.HexclaveClient;
import io.quarkiverse.hexclave.verifier.HexclaveTokenVerifier;

/**
 * The application's Hexclave settings and the core objects built from them, once per application.
 * <p>
 * Settings are read when the application starts, from MicroProfile Config ({@code hexclave.*}) when the server has
 * it, else system properties, else {@code HEXCLAVE_*} environment variables; a missing or malformed key fails the
 * deployment with a message that names it. The verifier and the client are built on first use (neither makes a
 * network call when built) and the client is closed when the application stops.
 */
@ApplicationScoped
public class HexclaveComponents {

    private static final Logger LOG = Logger.getLogger(HexclaveComponents.class);

    private final Lazy<HexclaveSettings> settings = new Lazy<>(() -> HexclaveSettings.from(ConfigLookup.defaults()));
    private final Lazy<HexclaveCredentials> credentials = new Lazy<>(() -> new HexclaveCredentials(settings()));
    private final Lazy<HexclaveTokenVerifier> verifier = new Lazy<>(() -> HexclaveTokenVerifier.create(settings()));
    private final Lazy<HexclaveClient> client = new Lazy<>(() -> HexclaveClient.create(settings()));

    /** The web module whose configuration {@link #settings()} were read from: the only one they may serve. */
    private final AtomicReference<String> owner = new AtomicReference<>();

    /**
     * Reads the settings when the application starts, so that a configuration mistake fails the deployment; and, when
     * the event names a web module (its {@code ServletContext}), binds these components to it.
     */
    void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
        if (event instanceof ServletContext context) {
            claim(context.getContextPath());
        }
        LOG.debugf("Hexclave settings: %s", settings());
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
     * verified-token cache per application).
     */
    public HexclaveTokenVerifier verifier() {
        return verifier.get();
    }

    /** The application's REST client. */
    public HexclaveClient client() {
        return client.get();
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

        void ifCreated(java.util.function.Consumer<T> action) {
            T v = value;
            if (v != null) {
                action.accept(v);
            }
        }
    }
}
