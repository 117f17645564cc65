package io.quarkiverse.hexclave.emulator.internal;

import java.security.SecureRandom;
import java.util.Base64;

/** Secure random identifiers and opaque secrets. */
public final class Randoms {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] BASE32 = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();

    private Randoms() {
    }

    /** An opaque lower-case base32 string like Hexclave's refresh tokens and CLI codes (§9.7). */
    public static String base32(int length) {
        return ofAlphabet(BASE32, length);
    }

    /** Random characters of an alphabet. */
    public static String ofAlphabet(String alphabet, int length) {
        return ofAlphabet(alphabet.toCharArray(), length);
    }

    private static String ofAlphabet(char[] alphabet, int length) {
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = alphabet[RANDOM.nextInt(alphabet.length)];
        }
        return new String(out);
    }

    /** A key id: 12 characters of base64url, like Hexclave's derived kids (§3.4). */
    public static String kid() {
        byte[] bytes = new byte[9];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
