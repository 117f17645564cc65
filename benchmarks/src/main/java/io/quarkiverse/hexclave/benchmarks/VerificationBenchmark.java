package io.quarkiverse.hexclave.benchmarks;

import java.math.BigInteger;
import java.security.KeyFactory;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import io.quarkiverse.hexclave.verifier.HexclaveTokenVerifier;
import io.quarkiverse.hexclave.verifier.Verification;

/**
 * Verification throughput of a valid Hexclave token, per signature engine, against the raw cost of one signature
 * check on the same input by the same engine:
 * <ul>
 * <li>{@code rawSignatureVerify}: the floor. For a JCA provider, {@link Signature#verify} ({@code SHA256withECDSA},
 * the key translated by the provider's own {@link KeyFactory} once); for {@code default}, BouncyCastle's lightweight
 * {@link ECDSASigner} over the SHA-256 of the signing input, the key point prepared once;</li>
 * <li>{@code verifyEveryTime}: the whole verifier from the raw token string with the verified-token cache off (decode,
 * checks, hash, signature, claims);</li>
 * <li>{@code verifyRepeatedToken}: the same token string presented again, answered by the verified-token cache.</li>
 * </ul>
 * {@code default} is what a user gets without configuring anything; the JCA providers are what
 * {@code hexclave.jca-provider} selects.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class VerificationBenchmark {

    /** {@code default} = no {@code jca-provider} set. */
    @Param({ "default", "SunEC", "AmazonCorrettoCryptoProvider" })
    public String engine;

    BenchmarkProject project;
    HexclaveTokenVerifier uncached;
    HexclaveTokenVerifier cached;
    RawCheck raw;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        String provider = "default".equals(engine) ? null : Providers.install(engine);
        project = new BenchmarkProject();
        uncached = project.verifier(provider, 0);
        cached = project.verifier(provider, 10_000);
        raw = provider == null ? new BouncyCastleRaw(project) : new JcaRaw(project, provider);
        if (!raw.verify()) {
            throw new IllegalStateException("raw check failed");
        }
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        uncached.close();
        cached.close();
        project.close();
    }

    @Benchmark
    public boolean rawSignatureVerify() throws Exception {
        return raw.verify();
    }

    @Benchmark
    public Verification verifyEveryTime() {
        return uncached.verify(project.token);
    }

    @Benchmark
    public Verification verifyRepeatedToken() {
        return cached.verify(project.token);
    }

    interface RawCheck {
        boolean verify() throws Exception;
    }

    /** {@code Signature.verify} of the provider, on the provider's own form of the key. */
    static final class JcaRaw implements RawCheck {
        private final BenchmarkProject project;
        private final PublicKey key;
        private final Signature signature;
        private final byte[] der;

        JcaRaw(BenchmarkProject project, String provider) throws Exception {
            this.project = project;
            this.key = KeyFactory.getInstance("EC", provider)
                    .generatePublic(new X509EncodedKeySpec(project.keys.getPublic().getEncoded()));
            this.signature = Signature.getInstance("SHA256withECDSA", provider);
            this.der = toDer(project.p1363Signature);
        }

        @Override
        public boolean verify() throws Exception {
            signature.initVerify(key);
            signature.update(project.signingInput);
            return signature.verify(der);
        }
    }

    /** The default engine's floor: SHA-256 of the signing input, then BouncyCastle's ECDSA on a prepared point. */
    static final class BouncyCastleRaw implements RawCheck {
        private final BenchmarkProject project;
        private final ECPublicKeyParameters key;
        private final BigInteger r;
        private final BigInteger s;

        BouncyCastleRaw(BenchmarkProject project) {
            this.project = project;
            X9ECParameters x9 = CustomNamedCurves.getByName("secp256r1");
            ECDomainParameters p256 = new ECDomainParameters(x9.getCurve(), x9.getG(), x9.getN(), x9.getH());
            ECPublicKey pub = (ECPublicKey) project.keys.getPublic();
            this.key = new ECPublicKeyParameters(
                    p256.getCurve().validatePoint(pub.getW().getAffineX(), pub.getW().getAffineY()), p256);
            this.r = new BigInteger(1, Arrays.copyOfRange(project.p1363Signature, 0, 32));
            this.s = new BigInteger(1, Arrays.copyOfRange(project.p1363Signature, 32, 64));
        }

        @Override
        public boolean verify() throws Exception {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(project.signingInput);
            ECDSASigner signer = new ECDSASigner();
            signer.init(false, key);
            return signer.verifySignature(hash, r, s);
        }
    }

    /** JOSE's r‖s to the DER SEQUENCE the JCA's SHA256withECDSA expects. */
    static byte[] toDer(byte[] p1363) {
        byte[] r = integer(Arrays.copyOfRange(p1363, 0, 32));
        byte[] s = integer(Arrays.copyOfRange(p1363, 32, 64));
        byte[] der = new byte[2 + r.length + s.length];
        der[0] = 0x30;
        der[1] = (byte) (r.length + s.length);
        System.arraycopy(r, 0, der, 2, r.length);
        System.arraycopy(s, 0, der, 2 + r.length, s.length);
        return der;
    }

    private static byte[] integer(byte[] unsigned) {
        byte[] v = new BigInteger(1, unsigned).toByteArray();
        byte[] out = new byte[2 + v.length];
        out[0] = 0x02;
        out[1] = (byte) v.length;
        System.arraycopy(v, 0, out, 2, v.length);
        return out;
    }
}
