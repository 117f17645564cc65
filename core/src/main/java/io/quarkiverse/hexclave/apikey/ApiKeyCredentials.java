package io.quarkiverse.hexclave.apikey;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.quarkiverse.hexclave.client.model.ApiKey;
import io.quarkiverse.hexclave.credential.HexclaveCredentials;
import io.quarkiverse.hexclave.credential.RequestView;

/**
 * Finds the API key of a request, in one place for every adapter: in the configured headers
 * ({@code x-hexclave-api-key}, {@code x-stack-api-key} by default), in that order, and, when enabled, in
 * {@code Authorization: Bearer <key>} if the value is shaped like a Hexclave API key (never a JWT or an opaque token
 * of another mechanism, which are left alone).
 * <p>
 * Hexclave's key shape (stack-shared {@code utils/api-keys}): {@code sk_} (secret) or {@code pk_} (public), 45
 * lower-case Crockford base32 characters, the key id as 32 hex digits, {@code user} or {@code team}, one flag
 * character, the marker {@code 574ck4u7h}, and a CRC-32 as 8 hex digits. The {@code user}/{@code team} part says
 * which check to ask; a header value of another shape is refused without asking Hexclave.
 */
public final class ApiKeyCredentials {

    /** The headers looked at by default, in order. */
    public static final List<String> DEFAULT_HEADERS = List.of("x-hexclave-api-key", "x-stack-api-key");

    /** The longest header value taken as a key: Hexclave's keys are about 100 characters. */
    static final int MAX_LENGTH = 512;

    private static final Pattern SHAPE = Pattern.compile(
            "(?:sk|pk)_[0-9a-z]{45}[0-9a-f]{32}(user|team)[0-9a-z]574ck4u7h[0-9a-f]{8}");

    private final List<String> headers;
    private final boolean bearer;

    /**
     * @param headers the request headers that carry a key, looked at in order (matched case-insensitively)
     * @param bearer whether {@code Authorization: Bearer <key>} is looked at too (only values shaped like a key)
     */
    public ApiKeyCredentials(List<String> headers, boolean bearer) {
        this.headers = List.copyOf(headers);
        this.bearer = bearer;
    }

    /** The key of {@code request}, if it carries one. */
    public Optional<PresentedApiKey> find(RequestView request) {
        for (String header : headers) {
            String value = request.header(header);
            if (value != null && !value.isBlank()) {
                String v = value.strip();
                return Optional.of(new PresentedApiKey(v.length() > MAX_LENGTH ? v.substring(0, MAX_LENGTH) : v,
                        header.toLowerCase(Locale.ROOT)));
            }
        }
        if (bearer) {
            String v = HexclaveCredentials.bearerValue(request.header("Authorization"));
            if (v != null && typeOf(v).isPresent()) {
                return Optional.of(new PresentedApiKey(v, "authorization"));
            }
        }
        return Optional.empty();
    }

    /** The type a value's shape names, or empty when it is not shaped like a Hexclave API key. */
    public static Optional<ApiKey.Type> typeOf(String value) {
        if (value == null || value.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        Matcher m = SHAPE.matcher(value);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of("user".equals(m.group(1)) ? ApiKey.Type.USER : ApiKey.Type.TEAM);
    }

    @Override
    public String toString() {
        return "ApiKeyCredentials[" + headers + (bearer ? ", bearer" : "") + "]";
    }
}
