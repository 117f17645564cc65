package io.quarkiverse.hexclave.jakarta.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.Extension;

import org.jboss.logging.Logger;

import io.quarkiverse.hexclave.config.ConfigLookup;
import io.quarkiverse.hexclave.config.HexclaveSettings;

/**
 * Adds the readiness check of Hexclave's signing keys
 * ({@code io.quarkiverse.hexclave.jakarta.internal.health.HexclaveKeysReadiness}) when the application sees the
 * MicroProfile Health API and {@code hexclave.health.enabled} is not {@code false}. On a server without MicroProfile
 * Health nothing of the check is loaded, so the jar works there unchanged.
 */
public class HexclaveHealthExtension implements Extension {

    /** Whether the check is added when MicroProfile Health is present (default {@code true}). */
    static final String ENABLED = "health.enabled";

    static final String HEALTH_CHECK = "org.eclipse.microprofile.health.HealthCheck";
    static final String READINESS_CHECK = "io.quarkiverse.hexclave.jakarta.internal.health.HexclaveKeysReadiness";

    private static final Logger LOG = Logger.getLogger(HexclaveHealthExtension.class);

    /** The application's components, handed over when the application starts; {@code null} before. */
    private volatile HexclaveComponents components;

    /** The application's components for the readiness check; {@code null} until the application has started. */
    public HexclaveComponents components() {
        return components;
    }

    void components(HexclaveComponents components) {
        this.components = components;
    }

    void addReadinessCheck(@Observes BeforeBeanDiscovery discovery) {
        addReadinessCheck(discovery, ConfigLookup.defaults(), HexclaveHealthExtension.class.getClassLoader());
    }

    /** Adds the check if {@code loader} (this jar's) sees MicroProfile Health and {@code lookup} does not turn it off. */
    void addReadinessCheck(BeforeBeanDiscovery discovery, ConfigLookup lookup, ClassLoader loader) {
        if (!loadable(HEALTH_CHECK, loader)) {
            LOG.debug("No MicroProfile Health API: no Hexclave readiness check");
            return;
        }
        if (!lookup.bool(HexclaveSettings.Keys.PREFIX + ENABLED).orElse(true)) {
            return;
        }
        Class<?> check;
        try {
            check = Class.forName(READINESS_CHECK, true, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            LOG.warnf("MicroProfile Health is present, but the Hexclave readiness check cannot be loaded (%s): it is "
                    + "not registered", e.toString());
            return;
        }
        discovery.addAnnotatedType(check, READINESS_CHECK).add(ApplicationScoped.Literal.INSTANCE);
    }

    private static boolean loadable(String name, ClassLoader loader) {
        try {
            Class.forName(name, false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
