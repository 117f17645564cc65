package io.quarkiverse.hexclave.runtime.internal;

import io.quarkus.runtime.configuration.ConfigBuilder;
import io.smallrye.config.FallbackConfigSourceInterceptor;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * Makes every unset {@code quarkus.hexclave.<key>} fall back to {@code hexclave.<key>}, which the environment
 * variable source also answers as {@code HEXCLAVE_<KEY>}: the {@code HEXCLAVE_PROJECT_ID},
 * {@code HEXCLAVE_SECRET_SERVER_KEY}, {@code HEXCLAVE_PUBLISHABLE_CLIENT_KEY} and {@code HEXCLAVE_API_URL} variables
 * injected by {@code hexclave dev}, and the {@code hexclave.*} keys the portable core reads.
 * <p>
 * Only keys without a {@code @WithDefault} fall back (a default is a value): that is why those four keys are
 * {@code Optional} in {@code HexclaveConfig}.
 */
public final class HexclaveConfigFallback implements ConfigBuilder {

    static final String QUARKUS_PREFIX = "quarkus.hexclave.";
    static final String CORE_PREFIX = "hexclave.";

    @Override
    public SmallRyeConfigBuilder configBuilder(SmallRyeConfigBuilder builder) {
        return builder.withInterceptors(new FallbackConfigSourceInterceptor(HexclaveConfigFallback::fallbackName));
    }

    static String fallbackName(String name) {
        return name.startsWith(QUARKUS_PREFIX) ? CORE_PREFIX + name.substring(QUARKUS_PREFIX.length()) : name;
    }
}
