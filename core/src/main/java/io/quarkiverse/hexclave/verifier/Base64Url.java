package io.quarkiverse.hexclave.verifier;

import java.util.Arrays;

/**
 * Strict, unpadded base64url (RFC 7515 §2) for JWS parts. Written here rather than taken from
 * {@link java.util.Base64}, which accepts padding and ignores non-zero trailing bits: a token must have exactly one
 * accepted encoding, so that the same bytes cannot be sent as several different strings.
 */
final class Base64Url {

    private static final byte[] VALUES = new byte[128];

    static {
        Arrays.fill(VALUES, (byte) -1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
        for (int i = 0; i < alphabet.length(); i++) {
            VALUES[alphabet.charAt(i)] = (byte) i;
        }
    }

    private Base64Url() {
    }

    /**
     * Decodes {@code s[from, to)}; {@code null} when it has a character outside the alphabet (padding included), a
     * length that no byte string encodes to, or non-zero bits after the last byte.
     */
    static byte[] decodeStrict(String s, int from, int to) {
        int length = to - from;
        int rest = length % 4;
        if (rest == 1) {
            return null;
        }
        byte[] out = new byte[length / 4 * 3 + (rest == 0 ? 0 : rest - 1)];
        int o = 0;
        int i = from;
        int fullEnd = to - rest;
        while (i < fullEnd) {
            int v = (value(s.charAt(i)) << 18) | (value(s.charAt(i + 1)) << 12) | (value(s.charAt(i + 2)) << 6)
                    | value(s.charAt(i + 3));
            if (v < 0) {
                return null;
            }
            out[o++] = (byte) (v >> 16);
            out[o++] = (byte) (v >> 8);
            out[o++] = (byte) v;
            i += 4;
        }
        if (rest == 2) {
            int a = value(s.charAt(i));
            int b = value(s.charAt(i + 1));
            if (a < 0 || b < 0 || (b & 0x0f) != 0) {
                return null;
            }
            out[o] = (byte) ((a << 2) | (b >> 4));
        } else if (rest == 3) {
            int a = value(s.charAt(i));
            int b = value(s.charAt(i + 1));
            int c = value(s.charAt(i + 2));
            if (a < 0 || b < 0 || c < 0 || (c & 0x03) != 0) {
                return null;
            }
            out[o++] = (byte) ((a << 2) | (b >> 4));
            out[o] = (byte) ((b << 4) | (c >> 2));
        }
        return out;
    }

    /** Whether {@code s[from, to)} has only characters of the base64url alphabet (no padding). */
    static boolean isAlphabet(String s, int from, int to) {
        for (int i = from; i < to; i++) {
            if (value(s.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    /** The 6-bit value of {@code c}, or -1: negative, and still negative once shifted left and or-ed with others. */
    private static int value(char c) {
        return c < 128 ? VALUES[c] : -1;
    }
}
