package io.quarkiverse.hexclave.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Signs test deliveries the way Svix does (wire reference §12.2), written apart from the verifier's own code. */
final class TestDeliveries {

    static final String SECRET = "whsec_" + Base64.getEncoder().encodeToString(
            "a test secret of 32 bytes, fixed".getBytes(StandardCharsets.US_ASCII));
    static final String OTHER_SECRET = "whsec_" + Base64.getEncoder().encodeToString(
            "another secret, for the rotation".getBytes(StandardCharsets.US_ASCII));
    static final long NOW = 1_764_892_800L;

    private TestDeliveries() {
    }

    /** {@code v1,<base64 HMAC-SHA256>} of {@code id.timestamp.body} under {@code secret}. */
    static String signature(String secret, String id, long timestamp, byte[] body) {
        return signature(secret, id, Long.toString(timestamp), body);
    }

    /** The same, with the timestamp header as sent (the scheme signs it as it is). */
    static String signature(String secret, String id, String timestamp, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    /** The three svix-* headers of a delivery signed with {@code secret}. */
    static Map<String, String> headers(String secret, String id, long timestamp, byte[] body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("svix-id", id);
        headers.put("svix-timestamp", Long.toString(timestamp));
        headers.put("svix-signature", signature(secret, id, timestamp, body));
        return headers;
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
