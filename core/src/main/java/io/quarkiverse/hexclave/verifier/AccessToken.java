package io.quarkiverse.hexclave.verifier;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Map;
import java.util.Objects;

/**
 * An access token as presented, decoded once and carried from the mechanism to the verifier and its caches.
 * <p>
 * {@link #of(String)} only measures the token (length, the dots of a compact serialization) and never fails: what
 * is wrong with it is a {@link #malformation()}. The rest is decoded on first use and remembered, so that on every
 * path the payload is parsed at most once and the token hashed at most once:
 * <ul>
 * <li>the {@linkplain #digest() digest}, the SHA-256 of the signing input (the JWS header and payload as sent): the
 * key of the verified-token cache and, once the signature is verified, the token's stable id (see
 * {@link HexclavePrincipal#tokenId()}); it is also the hash ES256 signs, so the signature check reuses it;</li>
 * <li>the {@linkplain #parsed() header and claims}: base64url decoded strictly (no padding, no characters outside
 * the alphabet, canonical final characters), parsed as JSON objects with duplicate names refused.</li>
 * </ul>
 * Nothing here is verified: claims read from an {@code AccessToken} are what the caller sent. Use them only to turn a
 * token away early (another issuer, a user class not admitted), never to let one in.
 * <p>
 * Not thread-safe to share: it belongs to one request. {@link #toString()} prints no part of the token.
 */
public final class AccessToken {

    /** Longest token looked at, in characters. Hexclave's are under 1.5 KiB. */
    public static final int MAX_LENGTH = 8 * 1024;

    /** Length of an ES256 signature in base64url: 64 bytes, unpadded. */
    static final int ES256_SIGNATURE_LENGTH = 86;

    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    });

    private final String raw;
    private final int firstDot;
    private final int secondDot;
    private final Verification.Rejected malformation;
    private TokenDigest digest;
    private Parsed parsed;
    /** The verified-token cache this token was looked up in, and what it held: one lookup per presented token. */
    private VerifiedTokenCache lookedUpIn;
    private VerifiedTokenCache.Entry cacheEntry;

    private AccessToken(String raw, int firstDot, int secondDot, Verification.Rejected malformation) {
        this.raw = raw;
        this.firstDot = firstDot;
        this.secondDot = secondDot;
        this.malformation = malformation;
    }

    /**
     * The token as presented. Never fails and decodes nothing yet: a {@code null}, blank, oversized or misshapen
     * token is an {@code AccessToken} whose {@link #malformation()} says why.
     */
    public static AccessToken of(String raw) {
        if (raw == null || raw.isBlank()) {
            return new AccessToken("", -1, -1, Verification.Rejected.of(RejectionReason.MISSING));
        }
        if (raw.length() > MAX_LENGTH) {
            return new AccessToken(raw, -1, -1, new Verification.Rejected(RejectionReason.MALFORMED, "token too long"));
        }
        int first = raw.indexOf('.');
        int second = first < 0 ? -1 : raw.indexOf('.', first + 1);
        if (second < 0) {
            return new AccessToken(raw, -1, -1,
                    new Verification.Rejected(RejectionReason.MALFORMED, "not a compact JWS"));
        }
        int third = raw.indexOf('.', second + 1);
        if (third >= 0) {
            int fourth = raw.indexOf('.', third + 1);
            boolean jwe = fourth >= 0 && raw.indexOf('.', fourth + 1) < 0;
            return new AccessToken(raw, -1, -1, jwe ? Verification.Rejected.of(RejectionReason.ENCRYPTED)
                    : new Verification.Rejected(RejectionReason.MALFORMED, "not a compact JWS"));
        }
        if (first == 0 || second == first + 1) {
            return new AccessToken(raw, -1, -1, new Verification.Rejected(RejectionReason.MALFORMED, "empty JWS part"));
        }
        return new AccessToken(raw, first, second, null);
    }

    /** The token as presented. Never log it. */
    public String raw() {
        return raw;
    }

    /**
     * What makes this token unreadable ({@link RejectionReason#MISSING}, {@link RejectionReason#MALFORMED} or
     * {@link RejectionReason#ENCRYPTED}); {@code null} when it has the shape of a compact JWS. The header and payload
     * may still turn out unreadable: see {@link #readable()}.
     */
    public Verification.Rejected malformation() {
        return malformation;
    }

    /** Whether the header and payload decode to JSON objects (parsing them if not done yet). */
    public boolean readable() {
        return parsed() instanceof Parsed.Readable;
    }

    /**
     * The unverified {@code iss} claim, if the token is readable and has one. Parses the payload if not done yet.
     */
    public String unverifiedIssuer() {
        return parsed() instanceof Parsed.Readable r && r.claims().get("iss") instanceof String iss ? iss : null;
    }

    /**
     * The unverified claims, parsed once; {@code null} when the token is unreadable. Numbers are {@code Long} or
     * {@code Double}, objects {@code Map}s, arrays {@code List}s. Nothing in them is verified.
     */
    public Map<String, Object> unverifiedClaims() {
        return parsed() instanceof Parsed.Readable r ? r.claims() : null;
    }

    /** The unverified JOSE header, parsed once; {@code null} when the token is unreadable. */
    public Map<String, Object> unverifiedHeader() {
        return parsed() instanceof Parsed.Readable r ? r.header() : null;
    }

    @Override
    public String toString() {
        return "AccessToken[" + (malformation == null ? raw.length() + " chars" : malformation.reason()) + "]";
    }

    // ---- package-private: the verifier's view --------------------------------------------------------------------

    /** The signing input: header and payload as sent, with the dot between them. */
    String signingInput() {
        return raw.substring(0, secondDot);
    }

    /** The signature part as sent (base64url). */
    String signaturePart() {
        return raw.substring(secondDot + 1);
    }

    /** Whether {@code signature} is this token's signature part, character for character. */
    boolean hasSignaturePart(String signature) {
        int length = raw.length() - secondDot - 1;
        return signature.length() == length && raw.regionMatches(secondDot + 1, signature, 0, length);
    }

    /**
     * The SHA-256 of the signing input, computed once. Only for a well-shaped token
     * ({@code malformation() == null}).
     */
    TokenDigest digest() {
        TokenDigest d = digest;
        if (d == null) {
            MessageDigest sha = SHA256.get();
            // ASCII by construction once decoded; a token with other characters simply never matches a cached one.
            byte[] bytes = raw.getBytes(StandardCharsets.UTF_8);
            sha.update(bytes, 0, Math.min(bytesOfSigningInput(bytes), bytes.length));
            d = new TokenDigest(sha.digest());
            digest = d;
        }
        return d;
    }

    /** Whether {@code cache} was asked about this token already ({@link #cacheEntry()} is then its answer). */
    boolean lookedUpIn(VerifiedTokenCache cache) {
        return lookedUpIn == cache;
    }

    VerifiedTokenCache.Entry cacheEntry() {
        return cacheEntry;
    }

    void rememberLookup(VerifiedTokenCache cache, VerifiedTokenCache.Entry entry) {
        this.lookedUpIn = cache;
        this.cacheEntry = entry;
    }

    /** The header and payload, decoded once; {@link Parsed.Unreadable} with a fixed detail when they are not JSON. */
    Parsed parsed() {
        Parsed p = parsed;
        if (p == null) {
            p = parse();
            parsed = p;
        }
        return p;
    }

    /** The signature bytes ({@code r‖s}, 64 bytes), strictly decoded; {@code null} when not a canonical ES256 signature. */
    byte[] signatureBytes() {
        int start = secondDot + 1;
        if (raw.length() - start != ES256_SIGNATURE_LENGTH) {
            return null;
        }
        return Base64Url.decodeStrict(raw, start, raw.length());
    }

    /** Header and payload. */
    sealed interface Parsed {
        /** @param kid the {@code kid} header, {@code null} if absent or not a string */
        record Readable(Map<String, Object> header, Map<String, Object> claims, String kid) implements Parsed {
        }

        record Unreadable(Verification.Rejected rejection) implements Parsed {
        }
    }

    // ---------------------------------------------------------------------------------------------------------

    private int bytesOfSigningInput(byte[] utf8) {
        // The signing input is the prefix up to the second dot; in UTF-8 that is where the second '.' byte is.
        if (utf8.length == raw.length()) {
            return secondDot;
        }
        int dots = 0;
        for (int i = 0; i < utf8.length; i++) {
            if (utf8[i] == '.' && ++dots == 2) {
                return i;
            }
        }
        return utf8.length;
    }

    private Parsed parse() {
        if (malformation != null) {
            return new Parsed.Unreadable(malformation);
        }
        byte[] headerJson = Base64Url.decodeStrict(raw, 0, firstDot);
        byte[] payloadJson = headerJson == null ? null : Base64Url.decodeStrict(raw, firstDot + 1, secondDot);
        if (headerJson == null || payloadJson == null || !Base64Url.isAlphabet(raw, secondDot + 1, raw.length())) {
            return unreadable("characters outside base64url");
        }
        Map<String, Object> header = readObject(headerJson);
        if (header == null) {
            return unreadable("unreadable token header");
        }
        Map<String, Object> claims = readObject(payloadJson);
        if (claims == null) {
            return unreadable("unreadable token payload");
        }
        return new Parsed.Readable(header, claims, header.get("kid") instanceof String kid ? kid : null);
    }

    private static Parsed unreadable(String detail) {
        return new Parsed.Unreadable(new Verification.Rejected(RejectionReason.MALFORMED, detail));
    }

    private static Map<String, Object> readObject(byte[] json) {
        if (json.length == 0 || json[0] != '{') {
            return null;
        }
        try {
            return TokenJson.readObject(json);
        } catch (java.io.IOException | RuntimeException e) {
            return null; // a fixed detail, never the reader's message (a parser's messages quote the input)
        }
    }

    /** SHA-256 of a signing input, as a map key: 32 bytes held in four longs. */
    static final class TokenDigest {
        private final long a;
        private final long b;
        private final long c;
        private final long d;

        TokenDigest(byte[] sha256) {
            Objects.requireNonNull(sha256, "sha256");
            this.a = longAt(sha256, 0);
            this.b = longAt(sha256, 8);
            this.c = longAt(sha256, 16);
            this.d = longAt(sha256, 24);
        }

        /** The 32 bytes, as ES256 signs them. */
        byte[] bytes() {
            byte[] out = new byte[32];
            putLong(out, 0, a);
            putLong(out, 8, b);
            putLong(out, 16, c);
            putLong(out, 24, d);
            return out;
        }

        /** Unpadded base64url of the 32 bytes: a token id for deny-lists and logs. */
        String id() {
            return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes());
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof TokenDigest t && t.a == a && t.b == b && t.c == c && t.d == d;
        }

        @Override
        public int hashCode() {
            return (int) (a ^ (a >>> 32));
        }

        @Override
        public String toString() {
            return "TokenDigest[" + id() + "]";
        }

        private static long longAt(byte[] bytes, int offset) {
            long v = 0;
            for (int i = 0; i < 8; i++) {
                v = (v << 8) | (bytes[offset + i] & 0xff);
            }
            return v;
        }

        private static void putLong(byte[] out, int offset, long v) {
            for (int i = 7; i >= 0; i--) {
                out[offset + i] = (byte) v;
                v >>>= 8;
            }
        }
    }
}
