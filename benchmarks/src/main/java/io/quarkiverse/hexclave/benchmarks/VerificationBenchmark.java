package io.quarkiverse.hexclave.benchmarks;

import java.security.Signature;
import java.util.concurrent.TimeUnit;

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
 * Verification throughput of a valid Hexclave token, per JCA provider, against the raw cost of one
 * {@link Signature#verify} on the same input with the same provider:
 * <ul>
 * <li>{@code rawSignatureVerify}: the JCA call alone (the floor);</li>
 * <li>{@code verifyEveryTime}: the whole verifier with the verified-token cache off (parse, checks, signature, claims);</li>
 * <li>{@code verifyRepeatedToken}: the same token presented again, answered by the verified-token cache.</li>
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class VerificationBenchmark {

    @Param({ "SunEC", "BC", "AmazonCorrettoCryptoProvider" })
    public String provider;

    BenchmarkProject project;
    HexclaveTokenVerifier uncached;
    HexclaveTokenVerifier cached;
    Signature signature;
    byte[] derSignature;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        Providers.install(provider);
        project = new BenchmarkProject();
        uncached = project.verifier(provider, 0);
        cached = project.verifier(provider, 10_000);
        signature = Signature.getInstance("SHA256withECDSA", provider);
        derSignature = toDer(project.p1363Signature);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        project.close();
    }

    @Benchmark
    public boolean rawSignatureVerify() throws Exception {
        signature.initVerify(project.keys.getPublic());
        signature.update(project.signingInput);
        return signature.verify(derSignature);
    }

    @Benchmark
    public Verification verifyEveryTime() {
        return uncached.verify(project.token);
    }

    @Benchmark
    public Verification verifyRepeatedToken() {
        return cached.verify(project.token);
    }

    /** JOSE's r‖s to the DER SEQUENCE the JCA's SHA256withECDSA expects. */
    static byte[] toDer(byte[] p1363) {
        byte[] r = integer(java.util.Arrays.copyOfRange(p1363, 0, 32));
        byte[] s = integer(java.util.Arrays.copyOfRange(p1363, 32, 64));
        byte[] der = new byte[2 + r.length + s.length];
        der[0] = 0x30;
        der[1] = (byte) (r.length + s.length);
        System.arraycopy(r, 0, der, 2, r.length);
        System.arraycopy(s, 0, der, 2 + r.length, s.length);
        return der;
    }

    private static byte[] integer(byte[] unsigned) {
        byte[] v = new java.math.BigInteger(1, unsigned).toByteArray();
        byte[] out = new byte[2 + v.length];
        out[0] = 0x02;
        out[1] = (byte) v.length;
        System.arraycopy(v, 0, out, 2, v.length);
        return out;
    }
}
