package io.quarkiverse.hexclave.deployment;

import java.util.Optional;

import org.eclipse.microprofile.config.ConfigProvider;

import io.quarkiverse.hexclave.deployment.devservices.HexclaveDevServicesConfig;
import io.quarkus.runtime.annotations.ConfigDocSection;
import io.quarkus.runtime.annotations.ConfigPhase;
import io.quarkus.runtime.annotations.ConfigRoot;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Build-time configuration of the Hexclave extension.
 */
@ConfigMapping(prefix = "quarkus.hexclave")
@ConfigRoot(phase = ConfigPhase.BUILD_TIME)
public interface HexclaveBuildTimeConfig {

    /**
     * Whether the Hexclave extension is enabled. When {@code false}, no mechanism, identity provider, producer or
     * client is registered, and the application starts without a project id.
     */
    @WithDefault("true")
    boolean enabled();

    /**
     * Name of the JCA provider that verifies the ES256 signatures ({@code SunEC}, {@code BC},
     * {@code AmazonCorrettoCryptoProvider} …). By default the JDK picks one. Fixed at build time, so that a native
     * image registers it. A faster provider raises the number of requests one core can authenticate; its jar must be
     * a dependency of the application. Falls back to {@code HEXCLAVE_JCA_PROVIDER} (or {@code hexclave.jca-provider})
     * as set when the application is built.
     */
    Optional<String> jcaProvider();

    /**
     * {@link #jcaProvider()}, else the {@code hexclave.jca-provider} key the Jakarta adapter reads (so the
     * {@code HEXCLAVE_JCA_PROVIDER} variable) as the build sees it: the run-time fallback does not reach build-time keys.
     */
    default Optional<String> jcaProviderOrFallback() {
        return jcaProvider().or(() -> ConfigProvider.getConfig().getOptionalValue(PORTABLE_PREFIX + "jca-provider",
                String.class)).map(String::strip).filter(p -> !p.isEmpty());
    }

    /** The prefix of the keys the Jakarta adapter reads (and of the {@code HEXCLAVE_*} variables). */
    String PORTABLE_PREFIX = "hexclave.";

    /**
     * A build-time flag {@code quarkus.hexclave.<key>} whose mapped value is {@code mapped}: when it is not set (only
     * its default), the Jakarta adapter's {@code hexclave.<key>} (so {@code HEXCLAVE_<KEY>}) as the build sees it.
     */
    static boolean flagOrFallback(String key, boolean mapped) {
        org.eclipse.microprofile.config.Config config = ConfigProvider.getConfig();
        org.eclipse.microprofile.config.ConfigValue own = config.getConfigValue("quarkus." + PORTABLE_PREFIX + key);
        if (own.getRawValue() != null && own.getSourceOrdinal() != Integer.MIN_VALUE) {
            return mapped;
        }
        return config.getOptionalValue(PORTABLE_PREFIX + key, Boolean.class).orElse(mapped);
    }

    /**
     * Webhooks.
     */
    @ConfigDocSection
    Webhook webhook();

    /** Webhooks. */
    interface Webhook {
        /**
         * The path of the route that receives Hexclave's webhook deliveries (give Hexclave
         * {@code https://<your host><root path><this path>} as the endpoint URL). The route is registered at build
         * time and enabled at start-up only when {@code quarkus.hexclave.webhook.secret} is set.
         */
        @WithDefault("/hexclave/webhook")
        String path();
    }

    /**
     * Health checks.
     */
    @ConfigDocSection
    Health health();

    /** Health. */
    interface Health {
        /**
         * Whether to publish a readiness check of Hexclave's signing keys when {@code quarkus-smallrye-health} is
         * present: ready once the keys are cached (it fetches them if needed), not ready while none can be had.
         * <p>
         * Off by default: during a Hexclave outage (or a network cut to it) every instance would report not ready
         * at once, and the orchestrator would take all of them out of rotation, including the public endpoints that
         * need no token. Cached keys keep verifying tokens while Hexclave is unreachable, and requests that cannot be
         * verified are answered 503 one by one. Turn it on only when an instance without keys should get no traffic.
         */
        @WithDefault("false")
        boolean enabled();
    }

    /**
     * Dev Services: the embedded Hexclave emulator in dev and test mode.
     */
    @ConfigDocSection
    HexclaveDevServicesConfig devservices();
}
