package io.quarkiverse.hexclave.credential;

import java.util.Locale;

/**
 * Where a Hexclave credential was found in a request, in the order {@link HexclaveCredentials} looks
 * (Hexclave wire reference §4).
 */
public enum CredentialSource {

    /** {@code Authorization: Bearer stackauth_…} or {@code hexclave_…}: the SDK's {@code getAuthorizationHeader()}. */
    AUTHORIZATION_HEADER("authorization"),

    /** {@code Authorization: Bearer <jwt>}: a raw access token. */
    BEARER_TOKEN("bearer"),

    /** {@code x-hexclave-access-token} or {@code x-stack-access-token} (with the optional refresh-token headers). */
    ACCESS_TOKEN_HEADER("access-token-header"),

    /** The deprecated {@code x-stack-auth} JSON header of the SDK's {@code getAuthHeaders()}. */
    LEGACY_AUTH_HEADER("x-stack-auth"),

    /** The {@code hexclave-access} / {@code stack-access} cookie, trusted only with a matching refresh cookie. */
    COOKIE("cookie"),

    /** A {@code getAuthJson()} object handed over outside HTTP (an RPC message, a WebSocket frame …). */
    AUTH_JSON("auth-json");

    private final String configName;

    CredentialSource(String configName) {
        this.configName = configName;
    }

    /** The name used in the {@code credential-sources} configuration list. */
    public String configName() {
        return configName;
    }

    /** Parses a configuration name ({@code bearer}, {@code cookie} …) or an enum constant name. */
    public static CredentialSource fromConfigName(String name) {
        String n = name.strip();
        for (CredentialSource s : values()) {
            if (s.configName.equalsIgnoreCase(n) || s.name().equalsIgnoreCase(n.replace('-', '_'))) {
                return s;
            }
        }
        StringBuilder known = new StringBuilder();
        for (CredentialSource s : values()) {
            known.append(known.length() == 0 ? "" : ", ").append(s.configName);
        }
        throw new IllegalArgumentException("unknown credential source '" + name.toLowerCase(Locale.ROOT)
                + "' (known: " + known + ")");
    }
}
