package io.quarkiverse.hexclave.apikey;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import io.quarkiverse.hexclave.config.ConfigLookup;
import io.quarkiverse.hexclave.config.HexclaveConfigException;

/**
 * How requests carrying API keys are authenticated: the {@code api-keys.*} keys ({@code quarkus.hexclave.api-keys.*}
 * / {@code hexclave.api-keys.*}), with their defaults in one place.
 *
 * @param enabled whether requests carrying an API key are authenticated at all (default {@code false}: an application
 *        opts in to machine callers; needs the secret server key)
 * @param headers the headers that carry a key, looked at in order (default {@code x-hexclave-api-key,x-stack-api-key})
 * @param bearer whether {@code Authorization: Bearer <key>} is taken as a key when the value is shaped like one
 *        (default {@code true})
 * @param cacheTtl how long a check's outcome (accepted or refused) is reused: the revocation delay (default 30s;
 *        {@code 0} asks Hexclave on every request)
 * @param cacheSize how many outcomes are cached at most (default 10000)
 */
public record ApiKeySettings(boolean enabled, List<String> headers, boolean bearer, Duration cacheTtl, int cacheSize) {

    public static final String ENABLED = "api-keys.enabled";
    public static final String HEADERS = "api-keys.headers";
    public static final String BEARER = "api-keys.bearer";
    public static final String CACHE_TTL = "api-keys.cache-ttl";
    public static final String CACHE_SIZE = "api-keys.cache-size";

    public static final Duration DEFAULT_CACHE_TTL = Duration.ofSeconds(30);
    public static final int DEFAULT_CACHE_SIZE = 10_000;

    /** Every default. */
    public static final ApiKeySettings DEFAULTS = new ApiKeySettings(false, ApiKeyCredentials.DEFAULT_HEADERS, true,
            DEFAULT_CACHE_TTL, DEFAULT_CACHE_SIZE);

    public ApiKeySettings {
        headers = Objects.requireNonNull(headers, "headers").stream().map(String::strip).filter(h -> !h.isEmpty())
                .map(h -> h.toLowerCase(Locale.ROOT)).toList();
        Objects.requireNonNull(cacheTtl, "cacheTtl");
        if (cacheTtl.isNegative()) {
            throw new HexclaveConfigException(CACHE_TTL, "{key} must be 0 (no cache) or positive, got " + cacheTtl);
        }
        if (cacheSize < 0) {
            throw new HexclaveConfigException(CACHE_SIZE, "{key} must be 0 or positive, got " + cacheSize);
        }
    }

    /** The keys under {@code prefix} ({@code hexclave.}); a malformed value is an error naming its key. */
    public static ApiKeySettings from(ConfigLookup lookup, String prefix) {
        return new ApiKeySettings(
                lookup.bool(prefix + ENABLED).orElse(DEFAULTS.enabled()),
                lookup.get(prefix + HEADERS).map(v -> List.of(v.split(","))).orElse(DEFAULTS.headers()),
                lookup.bool(prefix + BEARER).orElse(DEFAULTS.bearer()),
                lookup.duration(prefix + CACHE_TTL).orElse(DEFAULTS.cacheTtl()),
                lookup.integer(prefix + CACHE_SIZE).orElse(DEFAULTS.cacheSize()));
    }

    /** The finder of keys in requests these settings describe. */
    public ApiKeyCredentials credentials() {
        return new ApiKeyCredentials(headers, bearer);
    }
}
