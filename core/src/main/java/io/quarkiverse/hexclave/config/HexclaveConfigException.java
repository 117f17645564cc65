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
    /** Where the prefix goes when a problem text names another key too ({@code {prefix}secret-server-key}). */
    public static final String PREFIX = "{prefix}";

    private final String key;
    private final String problem;

    /**
     * @param key the key at fault, relative to the prefix (e.g. {@code http.read-timeout})
     * @param problem what is wrong and how to fix it; {@value #KEY} marks where the key is named, {@value #PREFIX}
     *        the prefix of any other key it names
     */
    public HexclaveConfigException(String key, String problem) {
        this(HexclaveSettings.Keys.PREFIX, key, problem);
    }

    private HexclaveConfigException(String prefix, String key, String problem) {
        super(render(prefix, Objects.requireNonNull(key, "key"), Objects.requireNonNull(problem, "problem")));
        this.key = key;
        this.problem = problem;
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

    /** The same problem, with the key named under {@code prefix} (e.g. {@code quarkus.hexclave.}). */
    public HexclaveConfigException renderedFor(String prefix) {
        if (key == null) {
            return this;
        }
        HexclaveConfigException rendered = new HexclaveConfigException(prefix, key, problem);
        rendered.setStackTrace(getStackTrace());
        return rendered;
    }

    /** The message, naming the key under {@code prefix} (e.g. {@code quarkus.hexclave.}). */
    public String messageFor(String prefix) {
        return key == null ? problem : render(prefix, key, problem);
    }

    private static String render(String prefix, String key, String problem) {
        String fullKey = prefix + key;
        String text = problem.replace(PREFIX, prefix);
        return text.contains(KEY) ? text.replace(KEY, fullKey) : fullKey + ": " + text;
    }
}
