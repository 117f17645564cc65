package io.quarkiverse.hexclave.runtime.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.annotation.Priority;

import io.quarkiverse.hexclave.runtime.authorization.HexclaveGrants;
import io.quarkus.runtime.configuration.ConfigBuilder;
import io.smallrye.config.ConfigSourceInterceptor;
import io.smallrye.config.ConfigSourceInterceptorContext;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.Priorities;
import io.smallrye.config.SmallRyeConfigBuilder;

/**
 * Where an unset {@code quarkus.hexclave.*} key takes its value from, in one place:
 * <ul>
 * <li>{@code quarkus.hexclave.<key>} falls back to {@code hexclave.<key>}, which the environment variable source also
 * answers as {@code HEXCLAVE_<KEY>}: the {@code HEXCLAVE_PROJECT_ID}, {@code HEXCLAVE_SECRET_SERVER_KEY},
 * {@code HEXCLAVE_PUBLISHABLE_CLIENT_KEY} and {@code HEXCLAVE_API_URL} variables injected by {@code hexclave dev}, and
 * every other {@code hexclave.*} key the Jakarta adapter reads.</li>
 * <li>A renamed key falls back to its former name ({@link #RENAMED}), so old configurations keep working; the
 * reference lists the former names as deprecated.</li>
 * <li>The Quarkus caches of the permissions ({@link #DERIVED}) fall back to
 * {@code quarkus.hexclave.authorization.cache-ttl} and {@code cache-size}, and so to their former names and variables.</li>
 * </ul>
 * The key itself wins when it is set, else its fallbacks in that order. A default ({@code @WithDefault}, or the default
 * of a Quarkus cache key) does not count as set, so {@code HEXCLAVE_ALLOW_RESTRICTED_USERS=true} wins over the default
 * {@code false} as it does in the Jakarta adapter; a {@code quarkus.hexclave.*} key set anywhere wins over the
 * variable. The values Dev Services publish ({@link #SET_BY_DEV_SERVICES}) reach the configuration as defaults too, but
 * count as set: when Dev Services started the emulator, its keys win over a {@code HEXCLAVE_PUBLISHABLE_CLIENT_KEY} or
 * {@code HEXCLAVE_SECRET_SERVER_KEY} left in the environment, which would not fit the emulator.
 */
public final class HexclaveConfigFallback implements ConfigBuilder {

    static final String QUARKUS_PREFIX = "quarkus.hexclave.";
    static final String CORE_PREFIX = "hexclave.";
    private static final String AUTHORIZATION = QUARKUS_PREFIX + "authorization.";

    /** New name → former (deprecated) name. */
    static final Map<String, String> RENAMED = Map.of(
            AUTHORIZATION + "cache-ttl", AUTHORIZATION + "cache.lifetime",
            AUTHORIZATION + "cache-size", AUTHORIZATION + "cache.maximum-size");

    /** The keys Dev Services set when they start the emulator (none of them has a {@code @WithDefault}). */
    public static final Set<String> SET_BY_DEV_SERVICES = Set.of(QUARKUS_PREFIX + "api-url",
            QUARKUS_PREFIX + "project-id", QUARKUS_PREFIX + "secret-server-key",
            QUARKUS_PREFIX + "publishable-client-key", QUARKUS_PREFIX + "webhook.secret");

    /** Keys of other extensions that take the value of one of ours. */
    static final Map<String, String> DERIVED = derived();

    @Override
    public SmallRyeConfigBuilder configBuilder(SmallRyeConfigBuilder builder) {
        return builder.withInterceptors(new Interceptor());
    }

    /** {@code name}'s fallbacks, nearest first ({@code name} excluded). */
    static List<String> fallbacks(String name) {
        String current = DERIVED.getOrDefault(name, name);
        List<String> quarkusNames = new ArrayList<>(2);
        quarkusNames.add(current);
        String former = RENAMED.get(current);
        if (former != null) {
            quarkusNames.add(former);
        }
        // Plain loops: this runs for every unset quarkus.hexclave.* key the configuration is asked for.
        List<String> names = new ArrayList<>(4);
        for (String quarkusName : quarkusNames) {
            if (!quarkusName.equals(name)) {
                names.add(quarkusName);
            }
        }
        for (String quarkusName : quarkusNames) {
            String fallback = fallbackName(quarkusName);
            if (!quarkusNames.contains(fallback)) {
                names.add(fallback);
            }
        }
        return names;
    }

    static String fallbackName(String name) {
        return name.startsWith(QUARKUS_PREFIX) ? CORE_PREFIX + name.substring(QUARKUS_PREFIX.length()) : name;
    }

    private static Map<String, String> derived() {
        Map<String, String> derived = new HashMap<>();
        // The constants are inlined: HexclaveGrants (a bean) is not loaded while the configuration is built.
        for (String cache : List.of(HexclaveGrants.PROJECT_PERMISSIONS, HexclaveGrants.TEAM_PERMISSIONS,
                HexclaveGrants.TEAMS)) {
            String key = "quarkus.cache.caffeine.\"" + cache + "\".";
            derived.put(key + "expire-after-write", AUTHORIZATION + "cache-ttl");
            derived.put(key + "maximum-size", AUTHORIZATION + "cache-size");
        }
        return Map.copyOf(derived);
    }

    @Priority(Priorities.LIBRARY + 600)
    static final class Interceptor implements ConfigSourceInterceptor {
        private static final long serialVersionUID = 1L;
        /** The ordinal of SmallRye Config's {@code DefaultValuesConfigSource}: defaults, and what Dev Services set. */
        private static final int DEFAULTS_ORDINAL = Integer.MIN_VALUE;

        @Override
        public ConfigValue getValue(ConfigSourceInterceptorContext context, String name) {
            ConfigValue value = context.proceed(name);
            if (isSet(name, value) || !name.startsWith(QUARKUS_PREFIX) && !DERIVED.containsKey(name)) {
                return value;
            }
            for (String fallback : fallbacks(name)) {
                ConfigValue candidate = context.proceed(fallback);
                if (isSet(fallback, candidate)) {
                    return candidate.withName(name);
                }
            }
            return value;
        }

        /** Whether {@code value} was set (by the application, its environment or Dev Services), not defaulted. */
        private static boolean isSet(String name, ConfigValue value) {
            return value != null && (value.getConfigSourceOrdinal() != DEFAULTS_ORDINAL
                    || SET_BY_DEV_SERVICES.contains(name));
        }
    }
}
