package io.quarkiverse.hexclave.config;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * A credential (secret server key, access token, refresh token) that must never be printed.
 * <p>
 * {@link #toString()} masks the value, so a secret that ends up in a log line, an exception message or
 * a record's generated {@code toString()} gives nothing away. Read the value with {@link #value()} only
 * where it is sent on the wire.
 */
public record Secret(String value) {

    public Secret {
        Objects.requireNonNull(value, "value");
    }

    /** {@code null}-tolerant factory: {@code null} or blank gives {@code null}. */
    public static Secret ofNullable(String value) {
        return value == null || value.isBlank() ? null : new Secret(value.strip());
    }

    /** Constant-time comparison with a presented value. */
    public boolean matches(String presented) {
        if (presented == null) {
            return false;
        }
        return MessageDigest.isEqual(value.getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String toString() {
        return "Secret[****]";
    }
}
