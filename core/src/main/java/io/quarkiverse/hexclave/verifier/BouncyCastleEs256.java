package io.quarkiverse.hexclave.verifier;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.interfaces.ECPublicKey;
import java.util.Arrays;

import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.math.ec.ECPoint;

/**
 * ES256 with BouncyCastle's lightweight API and its dedicated P-256 arithmetic. The key's curve point is made once
 * per fetch, so BouncyCastle keeps its per-point precomputation across tokens. No JCA provider is registered.
 * Loaded only when {@link Es256#bouncyCastlePresent()}, at the first key (see {@link Es256.Default}).
 */
final class BouncyCastleEs256 implements Es256 {

    private static final ECDomainParameters P256 = p256();

    @Override
    public Key prepare(ECPublicKey key) throws GeneralSecurityException {
        ECPoint q;
        try {
            q = P256.getCurve().validatePoint(key.getW().getAffineX(), key.getW().getAffineY());
        } catch (IllegalArgumentException e) {
            throw new GeneralSecurityException("not a point of P-256");
        }
        ECPublicKeyParameters params = new ECPublicKeyParameters(q, P256);
        return (token, signature) -> {
            BigInteger r = new BigInteger(1, Arrays.copyOfRange(signature, 0, 32));
            BigInteger s = new BigInteger(1, Arrays.copyOfRange(signature, 32, 64));
            ECDSASigner signer = new ECDSASigner();
            signer.init(false, params);
            return signer.verifySignature(token.digest().bytes(), r, s);
        };
    }

    @Override
    public String description() {
        return "BouncyCastle ECDSA (lightweight API)";
    }

    private static ECDomainParameters p256() {
        X9ECParameters x9 = CustomNamedCurves.getByName("secp256r1");
        return new ECDomainParameters(x9.getCurve(), x9.getG(), x9.getN(), x9.getH(), x9.getSeed());
    }
}
