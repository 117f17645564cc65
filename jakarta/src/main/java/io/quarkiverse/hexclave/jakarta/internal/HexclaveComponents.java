package io.quarkiverse.hexclave.jakarta.internal;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.quarkiverse.hexclave.config.ConfigLookup;
import io.quarkiverse.hexclave.config.HexclaveSettings;
import io.quarkiverse.hexclave.credential.HexclaveCredentials;
import io.quarkiverse.hexclave.verifier.HexclaveTokenVerifier;

/**
 * The application's Hexclave settings and the core objects built from them, once per application.
 * <p>
 * Settings are read when the application starts, from MicroProfile Config ({@code hexclave.*}) when the server has
 * it, else system properties, else {@code HEXCLAVE_*} environment variables; a missing or malformed key fails the
 * deployment with a message that names it.
 */
@ApplicationScoped
public class HexclaveComponents {

    private static final Logger LOG = Logger.getLogger(HexclaveComponents.class);

    private final Object lock = new Object();
    private volatile HexclaveSettings settings;
    private volatile HexclaveCredentials credentials;
    private volatile HexclaveTokenVerifier verifier;

    /** Reads the settings when the application starts, so that a configuration mistake fails the deployment. */
    void onStart(@Observes @Initialized(ApplicationScoped.class) Object event) {
        LOG.debugf("Hexclave settings: %s", settings());
    }

    public HexclaveSettings settings() {
        HexclaveSettings s = settings;
        if (s == null) {
            synchronized (lock) {
                s = settings;
                if (s == null) {
                    s = HexclaveSettings.from(ConfigLookup.defaults());
                    settings = s;
                }
            }
        }
        return s;
    }

    public HexclaveCredentials credentials() {
        HexclaveCredentials c = credentials;
        if (c == null) {
            synchronized (lock) {
                c = credentials;
                if (c == null) {
                    c = new HexclaveCredentials(settings());
                    credentials = c;
                }
            }
        }
        return c;
    }

    public HexclaveTokenVerifier verifier() {
        HexclaveTokenVerifier v = verifier;
        if (v == null) {
            synchronized (lock) {
                v = verifier;
                if (v == null) {
                    v = new HexclaveTokenVerifier(settings());
                    verifier = v;
                }
            }
        }
        return v;
    }

    @PreDestroy
    void close() {
        closeQuietly(verifier);
    }

    private static void closeQuietly(Object resource) {
        if (resource instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) { // close() of any AutoCloseable: log and go on shutting down
                LOG.debugf("Closing %s failed: %s", resource.getClass().getSimpleName(), e.toString());
            }
        }
    }
}
