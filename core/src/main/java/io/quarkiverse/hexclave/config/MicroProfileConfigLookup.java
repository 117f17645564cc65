package io.quarkiverse.hexclave.config;

import java.util.NoSuchElementException;
import java.util.Optional;

import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * {@link ConfigLookup} over MicroProfile Config's public API. Only loaded after {@link #isAvailable()} said the API is
 * on the class path (it is an optional dependency of hexclave-core), so the core runs without it.
 */
final class MicroProfileConfigLookup {

    private MicroProfileConfigLookup() {
    }

    static boolean isAvailable() {
        try {
            Class.forName("org.eclipse.microprofile.config.ConfigProvider", false,
                    MicroProfileConfigLookup.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    static ConfigLookup create() {
        Config config;
        try {
            config = ConfigProvider.getConfig();
        } catch (IllegalStateException | NoSuchElementException | java.util.ServiceConfigurationError e) {
            return key -> Optional.empty(); // the API without an implementation
        }
        return key -> {
            try {
                return config.getOptionalValue(key, String.class).map(String::strip).filter(v -> !v.isEmpty());
            } catch (IllegalArgumentException | NoSuchElementException e) {
                throw new HexclaveConfigException(key.startsWith(HexclaveSettings.Keys.PREFIX)
                        ? key.substring(HexclaveSettings.Keys.PREFIX.length())
                        : key, "MicroProfile Config cannot give a value for {key} (" + e.getClass().getSimpleName() + ")");
            }
        };
    }
}
