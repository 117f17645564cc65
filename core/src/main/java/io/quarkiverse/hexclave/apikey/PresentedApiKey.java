package io.quarkiverse.hexclave.apikey;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

import io.quarkiverse.hexclave.client.model.ApiKey;
import io.quarkiverse.hexclave.config.Secret;

/**
 * An API key a caller sent, as found in the request: the value (a {@link Secret}, never printed), where it came from,
 * its type when its shape names one, and the SHA-256 digest that caches are keyed by.
 */
public final class PresentedApiKey {

    private final Secret value;
    private final String source;
    private final ApiKey.Type type;
    private final String digest;

    PresentedApiKey(String value, String source) {
        this.value = new Secret(Objects.requireNonNull(value, "value"));
        this.source = Objects.requireNonNull(source, "source");
        this.type = ApiKeyCredentials.typeOf(value).orElse(null);
        this.digest = sha256(value);
    }

    /** The key, to send to Hexclave's check only. */
    public Secret value() {
        return value;
    }

    /** The header it came in ({@code x-hexclave-api-key} …, or {@code authorization}). */
    public String source() {
        return source;
    }

    /** The type its shape names; empty when it is not shaped like a Hexclave key (then it is refused unasked). */
    public Optional<ApiKey.Type> type() {
        return Optional.ofNullable(type);
    }

    /** The SHA-256 of the key, hex: what caches and logs may hold instead of the key. */
    public String digest() {
        return digest;
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    @Override
    public String toString() {
        return "PresentedApiKey[" + source + ", " + (type == null ? "unrecognised" : type) + ", ****]";
    }
}
