package io.quarkiverse.hexclave.emulator.internal;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Password rules and storage. Hexclave's rules (8 to 70 characters, {@code PASSWORD_TOO_SHORT} /
 * {@code PASSWORD_TOO_LONG}); storage as a salted PBKDF2-HMAC-SHA256 hash, so a password given to the emulator never
 * sits in memory in the clear.
 */
public final class Passwords {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** Low on purpose: an emulator on loopback, where sign-in latency matters more than brute-force cost. */
    private static final int ITERATIONS = 10_000;

    private Passwords() {
    }

    /**
     * Checks Hexclave's length rules.
     *
     * @throws KnownError {@code PASSWORD_TOO_SHORT} or {@code PASSWORD_TOO_LONG}
     */
    public static void requireAcceptable(String password) {
        if (password.length() < 8) {
            throw new KnownError(400, "PASSWORD_TOO_SHORT", "Password too short. Minimum length is 8.",
                    KnownError.details("min_length", 8));
        }
        if (password.length() > 70) {
            throw new KnownError(400, "PASSWORD_TOO_LONG", "Password too long. Maximum length is 70.",
                    KnownError.details("maxLength", 70));
        }
    }

    /** A salted hash of the password ({@code salt$hash}, base64). */
    public static String hash(String password) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return Base64.getEncoder().encodeToString(salt) + "$" + Base64.getEncoder().encodeToString(derive(password, salt));
    }

    /** Whether the password matches a hash made by {@link #hash(String)}; {@code false} for a {@code null} hash. */
    public static boolean matches(String password, String hash) {
        if (hash == null) {
            return false;
        }
        int dollar = hash.indexOf('$');
        byte[] salt = Base64.getDecoder().decode(hash.substring(0, dollar));
        byte[] expected = Base64.getDecoder().decode(hash.substring(dollar + 1));
        return MessageDigest.isEqual(expected, derive(password, salt));
    }

    private static byte[] derive(String password, byte[] salt) {
        try {
            PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, ITERATIONS, 256);
            try {
                return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            } finally {
                spec.clearPassword();
            }
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available", e);
        }
    }
}
