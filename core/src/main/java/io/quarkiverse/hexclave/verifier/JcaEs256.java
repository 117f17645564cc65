package io.quarkiverse.hexclave.verifier;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.interfaces.ECPublicKey;

/**
 * ES256 through a JCA provider (the JDK's when {@code provider} is {@code null}). Uses the provider's
 * {@code NONEwithECDSA} forms when it has them, so that the token's digest is hashed once; the key is translated into
 * the provider's own key type once per fetch. One {@link Signature} per thread.
 */
final class JcaEs256 implements Es256 {

    /** Tried in order: prehashed before hashing, raw r‖s before DER. */
    private static final String[] ALGORITHMS = { "NONEwithECDSAinP1363Format", "NONEwithECDSA",
            "SHA256withECDSAinP1363Format", "SHA256withECDSA" };

    private final String provider;
    private final String algorithm;
    private final ThreadLocal<Signature> signatures;

    JcaEs256(String provider) {
        this.provider = provider;
        this.algorithm = firstSupported(provider);
        this.signatures = ThreadLocal.withInitial(() -> {
            try {
                return provider == null ? Signature.getInstance(algorithm) : Signature.getInstance(algorithm, provider);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException(algorithm + " vanished from " + provider, e);
            }
        });
    }

    @Override
    public Key prepare(ECPublicKey key) throws GeneralSecurityException {
        PublicKey own = provider == null ? key : (PublicKey) KeyFactory.getInstance("EC", provider).translateKey(key);
        boolean prehashed = algorithm.startsWith("NONE");
        boolean raw = algorithm.endsWith("P1363Format");
        return (token, signature) -> {
            Signature check = signatures.get();
            try {
                check.initVerify(own);
                check.update(prehashed ? token.digest().bytes() : token.signingInput().getBytes(StandardCharsets.US_ASCII));
                return check.verify(raw ? signature : der(signature));
            } catch (SignatureException | java.security.InvalidKeyException e) {
                return false;
            }
        };
    }

    @Override
    public String description() {
        return "JCA " + (provider == null ? "(JDK default provider)" : provider) + " " + algorithm;
    }

    private static String firstSupported(String provider) {
        for (String algorithm : ALGORITHMS) {
            try {
                if (provider == null) {
                    Signature.getInstance(algorithm);
                } else {
                    Signature.getInstance(algorithm, provider);
                }
                return algorithm;
            } catch (NoSuchAlgorithmException e) {
                // try the next form
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("JCA provider " + provider + " is not usable", e);
            }
        }
        throw new IllegalStateException("JCA provider " + (provider == null ? "(default)" : provider)
                + " offers no ECDSA signature algorithm");
    }

    /** {@code r‖s} as an ASN.1 DER SEQUENCE of two INTEGERs. */
    static byte[] der(byte[] rs) {
        byte[] r = integer(rs, 0);
        byte[] s = integer(rs, 32);
        byte[] out = new byte[2 + 2 + r.length + 2 + s.length];
        int i = 0;
        out[i++] = 0x30;
        out[i++] = (byte) (out.length - 2);
        out[i++] = 0x02;
        out[i++] = (byte) r.length;
        System.arraycopy(r, 0, out, i, r.length);
        i += r.length;
        out[i++] = 0x02;
        out[i++] = (byte) s.length;
        System.arraycopy(s, 0, out, i, s.length);
        return out;
    }

    private static byte[] integer(byte[] rs, int offset) {
        int start = offset;
        while (start < offset + 31 && rs[start] == 0) {
            start++;
        }
        boolean pad = (rs[start] & 0x80) != 0;
        byte[] v = new byte[offset + 32 - start + (pad ? 1 : 0)];
        System.arraycopy(rs, start, v, pad ? 1 : 0, offset + 32 - start);
        return v;
    }
}
