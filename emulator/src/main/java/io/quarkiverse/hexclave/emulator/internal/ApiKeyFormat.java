package io.quarkiverse.hexclave.emulator.internal;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * User and team API keys in Hexclave's format (stack-shared {@code utils/api-keys.tsx}, written here because the
 * format is Hexclave's own): {@code pk_} or {@code sk_}, 45 random lower-case Crockford base32 characters, the key's
 * id without dashes (32 hex), {@code user} or {@code team}, one scanner-flag character (not cloud: 1, public: +2),
 * the marker {@code 574ck4u7h}, then the CRC-32 of everything before it as 8 hex digits. Secret scanners and
 * {@code isApiKey} recognise them by that marker.
 */
public final class ApiKeyFormat {

    static final String MARKER = "574ck4u7h";
    private static final String CROCKFORD = "0123456789abcdefghjkmnpqrstvwxyz";

    private ApiKeyFormat() {
    }

    /** A new key for the key id; {@code type} is {@code user} or {@code team}. */
    public static String create(String keyId, boolean isPublic, String type) {
        int scannerFlag = 1 /* self-hosted, not api.stack-auth.com */ + (isPublic ? 2 : 0);
        String body = (isPublic ? "pk" : "sk") + "_" + Randoms.ofAlphabet(CROCKFORD, 45) + keyId.replace("-", "") + type
                + CROCKFORD.charAt(scannerFlag) + MARKER;
        return body + checksum(body);
    }

    /** The CRC-32 of the UTF-8 bytes as 8 lower-case hex digits. */
    static String checksum(String body) {
        CRC32 crc = new CRC32();
        crc.update(body.getBytes(StandardCharsets.UTF_8));
        return String.format("%08x", crc.getValue());
    }
}
