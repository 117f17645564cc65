package io.quarkiverse.hexclave.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.quarkiverse.hexclave.config.HexclaveConfigException;
import io.quarkiverse.hexclave.config.Secret;

/**
 * Verifies Hexclave webhook deliveries: the Svix signature scheme of wire reference §12.2, then the body as a typed
 * {@link HexclaveEvent}. Thread-safe and immutable; build one per set of secrets and share it.
 * <p>
 * The check, in order: the three headers are present ({@code svix-id}, {@code svix-timestamp}, {@code svix-signature},
 * or the Standard Webhooks names {@code webhook-id}, {@code webhook-timestamp}, {@code webhook-signature}) and well
 * formed; the timestamp is within the tolerance of now (both ways); some {@code v1,<base64>} entry of the signature
 * header equals base64(HMAC-SHA256(key, "id.timestamp.body")) under one of the secrets, compared in constant time
 * ({@link MessageDigest#isEqual}). Only then is the body parsed. Several secrets are accepted at once, and a header
 * may carry several signatures, so that a secret can be rotated without dropping deliveries.
 * <p>
 * HMAC-SHA256 comes from the JDK ({@code javax.crypto}), not from a Svix or Standard Webhooks library: the scheme is a
 * few lines on top of it, and core stays dependency-light (those libraries would bring an HTTP client and a JSON stack
 * of their own into every application server).
 * <p>
 * Deduplication is not done here (it needs state): a caller keeps the {@link WebhookDelivery#id() ids} it has handled
 * for the retry horizon, as the Quarkus and Jakarta endpoints do.
 */
public final class WebhookVerifier {

    /** The default tolerance between a delivery's timestamp and now, both ways: 5 minutes, as Svix's own libraries. */
    public static final Duration DEFAULT_TOLERANCE = Duration.ofMinutes(5);
    /** The prefix of the secrets Hexclave shows for an endpoint. */
    public static final String SECRET_PREFIX = "whsec_";
    /** The longest message id accepted (Svix's are about 30 characters). */
    static final int MAX_ID_LENGTH = 256;
    /** The longest signature header accepted, and the most signatures in it: bounds the work per delivery. */
    static final int MAX_SIGNATURE_HEADER_LENGTH = 4096;
    static final int MAX_SIGNATURES = 16;

    /** The two header sets, each {id, timestamp, signature}; the first is tried first. */
    static final List<List<String>> HEADER_SETS = List.of(
            List.of("svix-id", "svix-timestamp", "svix-signature"),
            List.of("webhook-id", "webhook-timestamp", "webhook-signature"));

    private static final String HMAC = "HmacSHA256";
    private static final String CONFIG_KEY = "webhook.secret";

    private final List<SecretKeySpec> keys;
    private final Duration tolerance;
    private final Clock clock;

    /**
     * A verifier for {@code secret}, with the default tolerance. {@code secret} may hold several secrets separated by
     * commas or spaces (during a rotation), each {@code whsec_<base64>} (the prefix may be left out).
     *
     * @throws HexclaveConfigException (key {@code webhook.secret}) if a secret is not base64 or empty; the message
     *         never contains the secret
     */
    public WebhookVerifier(Secret secret) {
        this(List.of(Objects.requireNonNull(secret, "secret")), DEFAULT_TOLERANCE, Clock.systemUTC());
    }

    /**
     * A verifier that accepts a signature made with any of {@code secrets} (each as in {@link #WebhookVerifier(Secret)}).
     *
     * @param tolerance the largest accepted distance between a delivery's timestamp and now, both ways; positive
     * @param clock the clock "now" is read from
     * @throws HexclaveConfigException (key {@code webhook.secret}) if there is no secret or one is malformed
     */
    public WebhookVerifier(List<Secret> secrets, Duration tolerance, Clock clock) {
        Objects.requireNonNull(secrets, "secrets");
        this.tolerance = Objects.requireNonNull(tolerance, "tolerance");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (tolerance.isNegative() || tolerance.isZero()) {
            throw new IllegalArgumentException("tolerance must be positive");
        }
        List<SecretKeySpec> parsed = new ArrayList<>();
        for (Secret secret : secrets) {
            for (String one : Objects.requireNonNull(secret, "secret").value().split("[,\\s]+")) {
                if (!one.isEmpty()) {
                    parsed.add(new SecretKeySpec(key(one), HMAC));
                }
            }
        }
        if (parsed.isEmpty()) {
            throw new HexclaveConfigException(CONFIG_KEY, "{key} is empty: set the endpoint's signing secret (whsec_…)");
        }
        this.keys = List.copyOf(parsed);
    }

    /** The largest accepted distance between a delivery's timestamp and now. */
    public Duration tolerance() {
        return tolerance;
    }

    private static byte[] key(String secret) {
        String encoded = secret.startsWith(SECRET_PREFIX) ? secret.substring(SECRET_PREFIX.length()) : secret;
        byte[] key;
        try {
            key = Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            throw new HexclaveConfigException(CONFIG_KEY,
                    "{key} is not a webhook signing secret: expected whsec_ followed by base64, as Hexclave shows it");
        }
        if (key.length == 0) {
            throw new HexclaveConfigException(CONFIG_KEY, "{key} holds an empty key: expected whsec_ followed by base64");
        }
        return key;
    }

    /**
     * Verifies a delivery given its headers as a map (names in any case).
     *
     * @see #verify(byte[], Function)
     */
    public WebhookVerification verify(byte[] body, Map<String, String> headers) {
        Map<String, String> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        byName.putAll(headers);
        return verify(body, byName::get);
    }

    /**
     * Verifies a delivery. Never throws for any body or header content.
     *
     * @param body the request body exactly as received, before any JSON parsing
     * @param header looks a request header up by its lower-case name; {@code null} when absent
     * @return the delivery with its typed event, or why it was refused
     */
    public WebhookVerification verify(byte[] body, Function<String, String> header) {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(header, "header");
        List<String> names = HEADER_SETS.get(0);
        if (header.apply(names.get(0)) == null && header.apply(names.get(1)) == null
                && header.apply(names.get(2)) == null) {
            names = HEADER_SETS.get(1);
        }
        String id = header.apply(names.get(0));
        String timestamp = header.apply(names.get(1));
        String signatures = header.apply(names.get(2));
        for (int i = 0; i < 3; i++) {
            String value = i == 0 ? id : i == 1 ? timestamp : signatures;
            if (value == null || value.isEmpty()) {
                return refused(WebhookRefusal.MISSING_HEADERS, "missing header " + names.get(i));
            }
        }
        if (id.length() > MAX_ID_LENGTH || !visibleAscii(id)) {
            return refused(WebhookRefusal.MALFORMED_HEADERS, names.get(0) + " is not a message id");
        }
        if (timestamp.length() > 15 || !timestamp.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return refused(WebhookRefusal.MALFORMED_HEADERS, names.get(1) + " is not a Unix time in seconds");
        }
        if (signatures.length() > MAX_SIGNATURE_HEADER_LENGTH) {
            return refused(WebhookRefusal.MALFORMED_HEADERS, names.get(2) + " is too long");
        }
        long seconds = Long.parseLong(timestamp);
        long now = clock.instant().getEpochSecond();
        long distance = Math.abs(now - seconds);
        if (distance > tolerance.toSeconds()) {
            return refused(WebhookRefusal.TIMESTAMP_OUT_OF_WINDOW, "timestamp " + (seconds < now ? "older" : "newer")
                    + " than the tolerance of " + tolerance.toSeconds() + " s");
        }
        List<byte[]> presented = new ArrayList<>();
        int entries = 0;
        int versioned = 0;
        for (String entry : signatures.split(" ")) {
            if (entry.isEmpty()) {
                continue;
            }
            if (++entries > MAX_SIGNATURES) {
                return refused(WebhookRefusal.MALFORMED_HEADERS, names.get(2) + " has more than " + MAX_SIGNATURES
                        + " signatures");
            }
            int comma = entry.indexOf(',');
            if (comma <= 0) {
                continue; // not "version,signature": ignored
            }
            versioned++;
            if (entry.startsWith("v1,")) {
                try {
                    presented.add(Base64.getDecoder().decode(entry.substring(3)));
                } catch (IllegalArgumentException e) {
                    presented.add(new byte[0]); // cannot match; still a v1 entry, so the refusal is BAD_SIGNATURE
                }
            }
        }
        if (versioned == 0) {
            return refused(WebhookRefusal.MALFORMED_HEADERS, names.get(2) + " has no version,signature entry");
        }
        if (presented.isEmpty()) {
            return refused(WebhookRefusal.UNKNOWN_SIGNATURE_VERSION, names.get(2) + " has no v1 signature");
        }
        if (!signedByAnyKey(id, timestamp, body, presented)) {
            return refused(WebhookRefusal.BAD_SIGNATURE, "no signature matches");
        }
        try {
            return new WebhookVerification.Accepted(
                    new WebhookDelivery(id, Instant.ofEpochSecond(seconds), EventDecoder.decode(body)));
        } catch (EventDecoder.NotAnEvent e) {
            return refused(WebhookRefusal.MALFORMED_PAYLOAD, e.getMessage());
        }
    }

    private boolean signedByAnyKey(String id, String timestamp, byte[] body, List<byte[]> presented) {
        byte[] prefix = (id + "." + timestamp + ".").getBytes(StandardCharsets.US_ASCII);
        boolean match = false;
        for (SecretKeySpec key : keys) {
            byte[] expected = hmac(key, prefix, body);
            for (byte[] signature : presented) {
                match |= MessageDigest.isEqual(expected, signature); // no early exit: every pair is compared
            }
        }
        return match;
    }

    private static byte[] hmac(SecretKeySpec key, byte[] prefix, byte[] body) {
        try {
            Mac mac = Mac.getInstance(HMAC); // not thread-safe, and cheap to get: one per delivery
            mac.init(key);
            mac.update(prefix);
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no HmacSHA256", e); // every JDK has it: not reachable
        }
    }

    private static boolean visibleAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x21 || c > 0x7e) {
                return false;
            }
        }
        return true;
    }

    private static WebhookVerification refused(WebhookRefusal reason, String detail) {
        return new WebhookVerification.Refused(reason, detail);
    }

    @Override
    public String toString() {
        return "WebhookVerifier[secrets=" + keys.size() + ", tolerance=" + tolerance + "]";
    }
}
