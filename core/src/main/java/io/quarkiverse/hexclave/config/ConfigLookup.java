package io.quarkiverse.hexclave.config;

import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where {@link HexclaveSettings} reads its {@code hexclave.*} keys from.
 * <p>
 * {@link #defaults()} reads MicroProfile Config when it is on the class path, then system properties, then
 * environment variables under the MicroProfile Config naming rule ({@code hexclave.project-id} is also found as
 * {@code HEXCLAVE_PROJECT_ID}, the variable the Hexclave CLI injects).
 */
@FunctionalInterface
public interface ConfigLookup {

    /** The raw value of {@code key} ({@code hexclave.…}), if set and not blank. */
    Optional<String> get(String key);

    /**
     * The value of {@code key} ({@code hexclave.…}, the whole key) read as the {@code hexclave.*} settings read theirs:
     * {@code 30s}, {@code 500ms}, {@code 5m}, an ISO-8601 duration or a number of seconds; a value that is none of
     * these is a {@link HexclaveConfigException} naming the key. For adapters' own keys.
     */
    default Optional<java.time.Duration> duration(String key) {
        return parsed(key, SettingsReader::parseDuration);
    }

    /** The value of {@code key} as a whole number; else a {@link HexclaveConfigException} naming the key. */
    default Optional<Integer> integer(String key) {
        return parsed(key, SettingsReader::parseInt);
    }

    /** The value of {@code key} as {@code true} or {@code false}; else a {@link HexclaveConfigException} naming the key. */
    default Optional<Boolean> bool(String key) {
        return parsed(key, SettingsReader::parseBoolean);
    }

    private <T> Optional<T> parsed(String key, java.util.function.Function<String, T> parser) {
        Optional<String> raw = get(key);
        try {
            return raw.map(parser);
        } catch (IllegalArgumentException e) {
            throw new HexclaveConfigException(key + " " + e.getMessage());
        }
    }

    /** This lookup, then {@code next} for keys this one does not have. */
    default ConfigLookup orElse(ConfigLookup next) {
        Objects.requireNonNull(next, "next");
        return key -> {
            Optional<String> value = get(key);
            return value.isPresent() ? value : next.get(key);
        };
    }

    /** Looks keys up in a map (tests, programmatic set-up). */
    static ConfigLookup of(Map<String, String> values) {
        Map<String, String> copy = Map.copyOf(values);
        return key -> nonBlank(copy.get(key));
    }

    /** JVM system properties. */
    static ConfigLookup systemProperties() {
        return key -> nonBlank(System.getProperty(key));
    }

    /** Environment variables, with {@code hexclave.jwks.cache-time} found as {@code HEXCLAVE_JWKS_CACHE_TIME}. */
    static ConfigLookup environment() {
        return environment(System.getenv());
    }

    /** As {@link #environment()}, over the given variables. */
    static ConfigLookup environment(Map<String, String> env) {
        Map<String, String> copy = Map.copyOf(env);
        return key -> nonBlank(copy.get(envName(key)));
    }

    /**
     * The application's MicroProfile Config ({@code ConfigProvider.getConfig()}, through its public API) when the
     * MicroProfile Config API and an implementation are present; else a lookup that finds nothing. A value MicroProfile
     * Config cannot give (a failing converter, an expression that cannot be expanded) is an error naming its key, not
     * "not set".
     */
    static ConfigLookup microProfileConfig() {
        return MicroProfileConfigLookup.isAvailable() ? MicroProfileConfigLookup.create() : key -> Optional.empty();
    }

    /** MicroProfile Config (when present), then system properties, then the environment. */
    static ConfigLookup defaults() {
        return microProfileConfig().orElse(systemProperties()).orElse(environment());
    }

    /** {@code hexclave.jwks.cache-time} → {@code HEXCLAVE_JWKS_CACHE_TIME}. */
    static String envName(String key) {
        StringBuilder sb = new StringBuilder(key.length());
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            sb.append(Character.isLetterOrDigit(c) ? c : '_');
        }
        return sb.toString().toUpperCase(Locale.ROOT);
    }

    private static Optional<String> nonBlank(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }
}
