package io.quarkiverse.hexclave.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

import io.quarkiverse.hexclave.config.HexclaveSettings.Keys;
import io.quarkiverse.hexclave.credential.CredentialSource;

/**
 * Reads {@link HexclaveSettings} from string-valued configuration ({@link ConfigLookup}), naming the key of any value
 * it cannot parse. Keys are looked up as {@code prefix + key}.
 */
final class SettingsReader {

    private final ConfigLookup lookup;
    private final String prefix;

    SettingsReader(ConfigLookup lookup, String prefix) {
        this.lookup = lookup;
        this.prefix = prefix;
    }

    HexclaveSettings read() {
        HexclaveSettings.Builder b = HexclaveSettings.builder(lookup.get(prefix + Keys.PROJECT_ID).orElse(null));
        string(Keys.API_URL, b::apiUrl);
        value(Keys.ALLOW_PLAIN_HTTP, SettingsReader::parseBoolean, b::allowPlainHttp);
        value(Keys.ISSUER_ORIGINS, SettingsReader::splitList, b::issuerOrigins);
        string(Keys.SECRET_SERVER_KEY, b::secretServerKey);
        string(Keys.PUBLISHABLE_CLIENT_KEY, b::publishableClientKey);
        value(Keys.ALLOW_RESTRICTED_USERS, SettingsReader::parseBoolean, b::allowRestrictedUsers);
        value(Keys.ALLOW_ANONYMOUS_USERS, SettingsReader::parseBoolean, b::allowAnonymousUsers);
        value(Keys.CLOCK_SKEW, SettingsReader::parseDuration, b::clockSkew);
        value(Keys.JWKS_CACHE_TIME, SettingsReader::parseDuration, b::jwksCacheTime);
        value(Keys.JWKS_REFRESH_COOLDOWN, SettingsReader::parseDuration, b::jwksRefreshCooldown);
        value(Keys.JWKS_MAX_STALE, SettingsReader::parseDuration, b::jwksMaxStale);
        value(Keys.CONNECT_TIMEOUT, SettingsReader::parseDuration, b::connectTimeout);
        value(Keys.READ_TIMEOUT, SettingsReader::parseDuration, b::readTimeout);
        string(Keys.JCA_PROVIDER, b::jcaProvider);
        value(Keys.CREDENTIAL_SOURCES, SettingsReader::parseSources, b::credentialSources);
        value(Keys.VERIFIED_TOKEN_CACHE_SIZE, SettingsReader::parseInt, b::verifiedTokenCacheSize);
        value(Keys.MAX_RETRIES, SettingsReader::parseInt, b::maxRetries);
        value(Keys.VERIFICATION_MODE, SettingsReader::parseMode, b::verificationMode);
        value(Keys.REST_CACHE_TTL, SettingsReader::parseDuration, b::restCacheTtl);
        value(Keys.REST_CACHE_SIZE, SettingsReader::parseInt, b::restCacheSize);
        value(Keys.COOKIE_CROSS_SITE_CHECK, SettingsReader::parseBoolean, b::cookieCrossSiteCheck);
        return b.build();
    }

    private void string(String key, Consumer<String> setter) {
        lookup.get(prefix + key).ifPresent(setter);
    }

    /** Parses the value of {@code key}; a parser's {@link IllegalArgumentException} becomes an error naming the key. */
    private <T> void value(String key, Function<String, T> parser, Consumer<T> setter) {
        Optional<String> raw = lookup.get(prefix + key);
        if (raw.isEmpty()) {
            return;
        }
        T parsed;
        try {
            parsed = parser.apply(raw.get());
        } catch (IllegalArgumentException e) {
            throw new HexclaveConfigException(key, "{key} " + e.getMessage());
        }
        setter.accept(parsed);
    }

    static List<String> splitList(String value) {
        List<String> items = new ArrayList<>();
        for (String s : value.split(",")) {
            if (!s.isBlank()) {
                items.add(s.strip());
            }
        }
        return items;
    }

    static boolean parseBoolean(String value) {
        String v = value.strip().toLowerCase(Locale.ROOT);
        if (v.equals("true") || v.equals("false")) {
            return v.equals("true");
        }
        throw new IllegalArgumentException("must be true or false, got '" + value + "'");
    }

    static int parseInt(String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("must be a whole number, got '" + value + "'");
        }
    }

    static VerificationMode parseMode(String value) {
        try {
            return VerificationMode.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("must be jwt, rest or both, got '" + value + "'");
        }
    }

    static List<CredentialSource> parseSources(String value) {
        List<CredentialSource> sources = new ArrayList<>();
        for (String name : splitList(value)) {
            sources.add(CredentialSource.fromConfigName(name));
        }
        return sources;
    }

    /**
     * Parses {@code 30s}, {@code 500ms}, {@code 5m}, {@code 1h}, {@code 2d}, an ISO-8601 duration ({@code PT30S}), or a
     * bare number of seconds, as Quarkus does.
     */
    static Duration parseDuration(String value) {
        String v = value.strip();
        try {
            if (v.matches("\\d+")) {
                return Duration.ofSeconds(Long.parseLong(v));
            }
            if (v.matches("\\d+ms")) {
                return Duration.ofMillis(Long.parseLong(v.substring(0, v.length() - 2)));
            }
            if (v.matches("\\d+[smhd]")) {
                long n = Long.parseLong(v.substring(0, v.length() - 1));
                return switch (v.charAt(v.length() - 1)) {
                    case 's' -> Duration.ofSeconds(n);
                    case 'm' -> Duration.ofMinutes(n);
                    case 'h' -> Duration.ofHours(n);
                    default -> Duration.ofDays(n);
                };
            }
            return Duration.parse(v.toUpperCase(Locale.ROOT).startsWith("P") ? v : "PT" + v);
        } catch (DateTimeParseException | ArithmeticException | NumberFormatException e) {
            throw new IllegalArgumentException("must be a duration such as 30s, 500ms, 5m or PT30S; got '" + value + "'");
        }
    }
}
