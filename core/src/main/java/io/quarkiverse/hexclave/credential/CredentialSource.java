package io.quarkiverse.hexclave.credential;

import java.util.Locale;

/**
 * Where a Hexclave credential was found in a request, in the order {@link HexclaveCredentials} looks
 * (Hexclave wire reference §4). Each constant's configuration name is its name in lower case with hyphens
 * ({@code access-token-header}), as SmallRye Config and MicroProfile Config users write enum values.
 */
public enum CredentialSource {

    /** {@code Authorization: Bearer stackauth_…} or {@code hexclave_…}: the SDK's {@code getAuthorizationHeader()}. */
    AUTHORIZATION,

    /** {@code Authorization: Bearer <jwt>}: a raw access token. */
    BEARER,

    /** {@code x-hexclave-access-token} or {@code x-stack-access-token} (with the optional refresh-token headers). */
    ACCESS_TOKEN_HEADER,

    /** The deprecated {@code x-stack-auth} JSON header of the SDK's {@code getAuthHeaders()}. */
    X_STACK_AUTH,

    /** The {@code hexclave-access} / {@code stack-access} cookie, trusted only with a matching refresh cookie. */
    COOKIE,

    /** A {@code getAuthJson()} object handed over outside HTTP (an RPC message, a WebSocket frame …). */
    AUTH_JSON;

    /** The name used in the {@code credential-sources} configuration list: {@code bearer}, {@code x-stack-auth} …. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * Parses a configuration name ({@code bearer}, {@code access-token-header} …, case-insensitive).
     *
     * @throws IllegalArgumentException naming the known sources
     */
    public static CredentialSource fromConfigName(String name) {
        String n = name.strip();
        for (CredentialSource s : values()) {
            if (s.configName().equalsIgnoreCase(n) || s.name().equalsIgnoreCase(n)) {
                return s;
            }
        }
        StringBuilder known = new StringBuilder();
        for (CredentialSource s : values()) {
            known.append(known.length() == 0 ? "" : ", ").append(s.configName());
        }
        throw new IllegalArgumentException("has an unknown credential source '" + n.toLowerCase(Locale.ROOT)
                + "' (known: " + known + ")");
    }
}
