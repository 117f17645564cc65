package io.quarkiverse.hexclave.config;

import java.util.Objects;
import java.util.Optional;

/**
 * The Hexclave configuration is missing or malformed. It carries the key at fault, relative to the prefix
 * ({@code project-id}, {@code jwks.cache-time} …), so that each adapter names it the way its users write it:
 * {@link #getMessage()} says {@code hexclave.project-id}, the Quarkus extension {@code quarkus.hexclave.project-id}
 * ({@link #messageFor(String)}). Messages never echo a secret value.
 */
public class HexclaveConfigException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    /** Where the rendered key goes in a problem text; without it, the key leads the message. */
    public static final String KEY = "{key}";

    private final String key;
    private final String problem;

    /**
     * @param key the key at fault, relative to the prefix (e.g. {@code http.read-timeout})
     * @param problem what is wrong and how to fix it; {@value #KEY} marks where the key is named
     */
    public HexclaveConfigException(String key, String problem) {
        super(render(HexclaveSettings.Keys.PREFIX, key, problem));
        this.key = Objects.requireNonNull(key, "key");
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    /** A problem that is not about one key. */
    public HexclaveConfigException(String message) {
        super(message);
        this.key = null;
        this.problem = message;
    }

    /** The key at fault, relative to the prefix; empty when the problem is not about one key. */
    public Optional<String> key() {
        return Optional.ofNullable(key);
    }

    /** The message, naming the key under {@code prefix} (e.g. {@code quarkus.hexclave.}). */
    public String messageFor(String prefix) {
        return key == null ? problem : render(prefix, key, problem);
    }

    private static String render(String prefix, String key, String problem) {
        String fullKey = prefix + key;
        return problem.contains(KEY) ? problem.replace(KEY, fullKey) : fullKey + ": " + problem;
    }
}
