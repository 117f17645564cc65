package io.quarkiverse.hexclave.jakarta.internal;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.jboss.logging.Logger;

import io.quarkiverse.hexclave.apikey.ApiKeySettings;
import io.quarkiverse.hexclave.config.ConfigLookup;
import io.quarkiverse.hexclave.config.HexclaveSettings;

/**
 * Tells the operator, at deployment, about {@code hexclave.*} keys the Jakarta adapter does not use, instead of
 * ignoring them silently: keys only the Quarkus extension understands ({@code hexclave.priority},
 * {@code hexclave.devservices.*} …), keys that are no key at all (a typo), and {@code quarkus.hexclave.*} keys (the
 * Jakarta adapter reads {@code hexclave.*}). Only names are reported, never values (some are secrets).
 * <p>
 * The Quarkus-only keys are looked up one by one, so they are found wherever the settings are (MicroProfile Config,
 * system properties, environment variables). Unknown keys can only be found among the names a source can list:
 * MicroProfile Config's property names and the system properties.
 */
final class ConfigKeyReport {

    private static final Logger LOG = Logger.getLogger(ConfigKeyReport.class);
    private static final String PREFIX = HexclaveSettings.Keys.PREFIX;
    private static final String QUARKUS_PREFIX = "quarkus." + PREFIX;

    /** The keys of the Quarkus extension that mean nothing here (relative to {@code hexclave.}). */
    static final Set<String> QUARKUS_ONLY = Set.of("enabled", "priority", "devservices.enabled", "devservices.port",
            "devservices.demo-request-path");
    /** Prefixes of groups of Quarkus-only keys. */
    static final List<String> QUARKUS_ONLY_GROUPS = List.of("devservices.");

    /** Every key the Jakarta adapter reads (relative to {@code hexclave.}). */
    static final Set<String> JAKARTA = jakartaKeys();

    private ConfigKeyReport() {
    }

    /**
     * The warnings for the keys in {@code lookup} and the property names {@code names} (of any prefix: those outside
     * {@code hexclave.*} and {@code quarkus.hexclave.*} are not looked at).
     */
    static List<String> warnings(ConfigLookup lookup, Iterable<String> names) {
        Set<String> quarkusOnly = new TreeSet<>();
        Set<String> unknown = new TreeSet<>();
        Set<String> quarkusPrefixed = new TreeSet<>();
        for (String key : QUARKUS_ONLY) {
            if (lookup.get(PREFIX + key).isPresent()) {
                quarkusOnly.add(key);
            }
        }
        for (String name : names) {
            if (name.startsWith(QUARKUS_PREFIX)) {
                quarkusPrefixed.add(name);
            } else if (name.startsWith(PREFIX)) {
                String key = name.substring(PREFIX.length());
                // Compared by their environment-variable form: MicroProfile Config implementations list a variable
                // HEXCLAVE_PROJECT_ID as hexclave.project.id (SmallRye, Open Liberty), which is hexclave.project-id.
                String canonical = canonical(key);
                if (QUARKUS_ONLY.stream().map(ConfigKeyReport::canonical).anyMatch(canonical::equals)
                        || QUARKUS_ONLY_GROUPS.stream().map(ConfigKeyReport::canonical).anyMatch(canonical::startsWith)) {
                    quarkusOnly.add(key);
                } else if (JAKARTA.stream().map(ConfigKeyReport::canonical).noneMatch(canonical::equals)) {
                    unknown.add(key);
                }
            }
        }
        List<String> warnings = new ArrayList<>();
        quarkusOnly.forEach(k -> warnings.add(PREFIX + k + " is understood only by the Quarkus extension: the Jakarta "
                + "adapter ignores it"));
        unknown.forEach(k -> warnings.add(PREFIX + k + " is not a key of the Jakarta adapter (misspelt?): it is "
                + "ignored"));
        quarkusPrefixed.forEach(k -> warnings.add(k + " is ignored: the Jakarta adapter reads " + PREFIX + "* keys ("
                + PREFIX + k.substring(QUARKUS_PREFIX.length()) + ")"));
        return warnings;
    }

    /** Logs {@link #warnings} at WARN, reading the names MicroProfile Config (when present) and system properties list. */
    static void report(ConfigLookup lookup) {
        Set<String> names = new TreeSet<>(System.getProperties().stringPropertyNames());
        names.addAll(MicroProfileConfigNames.list());
        for (String warning : warnings(lookup, names)) {
            LOG.warn(warning);
        }
    }

    /** {@code project-id}, {@code project.id} → {@code PROJECT_ID}. */
    private static String canonical(String key) {
        return ConfigLookup.envName(key);
    }

    private static Set<String> jakartaKeys() {
        Set<String> keys = new TreeSet<>();
        for (Field field : HexclaveSettings.Keys.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class
                    && !field.getName().equals("PREFIX")) {
                try {
                    keys.add((String) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        for (String key : List.of(AuthorizationSettings.ENABLED, AuthorizationSettings.CACHE_TTL,
                AuthorizationSettings.CACHE_SIZE, WebhookSettings.SECRET, WebhookSettings.TOLERANCE,
                WebhookSettings.DEDUPLICATION_WINDOW, WebhookSettings.DEDUPLICATION_SIZE, SupabaseTokensProducer.JWT_SECRET,
                SupabaseTokensProducer.LIFETIME, SupabaseTokensProducer.ALLOW_RESTRICTED_USERS,
                SupabaseTokensProducer.ALLOW_ANONYMOUS_USERS)) {
            keys.add(key.substring(PREFIX.length()));
        }
        keys.addAll(List.of(ResponseSettings.KEYS_UNAVAILABLE_STATUS, ResponseSettings.CACHE_CONTROL_ENABLED,
                ResponseSettings.CACHE_CONTROL_VALUE, UserProfileSettings.CACHE_TTL, UserProfileSettings.CACHE_SIZE,
                HexclaveHealthExtension.ENABLED, ApiKeySettings.ENABLED, ApiKeySettings.HEADERS, ApiKeySettings.BEARER,
                ApiKeySettings.CACHE_TTL, ApiKeySettings.CACHE_SIZE));
        return Set.copyOf(keys);
    }

    /** The property names of MicroProfile Config, when the API and an implementation are present. */
    static final class MicroProfileConfigNames {
        private MicroProfileConfigNames() {
        }

        static Set<String> list() {
            try {
                Class.forName("org.eclipse.microprofile.config.ConfigProvider", false,
                        ConfigKeyReport.class.getClassLoader());
            } catch (ClassNotFoundException | LinkageError e) {
                return Set.of();
            }
            return Names.list();
        }

        /** Loaded only when the API is there. */
        private static final class Names {
            static Set<String> list() {
                try {
                    Set<String> names = new TreeSet<>();
                    org.eclipse.microprofile.config.ConfigProvider.getConfig().getPropertyNames().forEach(names::add);
                    return names;
                } catch (RuntimeException | LinkageError e) {
                    LOG.debugf("MicroProfile Config cannot list its property names: %s", e.toString());
                    return Set.of();
                }
            }
        }
    }
}
