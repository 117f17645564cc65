package io.quarkiverse.hexclave.verifier;

import java.security.GeneralSecurityException;
import java.security.interfaces.ECPublicKey;

import io.quarkiverse.hexclave.config.HexclaveConfigException;
import io.quarkiverse.hexclave.config.HexclaveSettings;

/**
 * ES256 signature checks: ECDSA over P-256 of the SHA-256 of the signing input, the signature as raw {@code r‖s}.
 * <p>
 * A key is prepared once per key-set fetch, into whatever form makes the engine fast, and then checks every token it
 * signed. The hash is the token's {@link AccessToken#digest() digest}, computed once for the cache and the signature.
 * <p>
 * The default engine is BouncyCastle's lightweight ECDSA when {@code bcprov} is on the class path (a dependency of
 * {@code hexclave-core}): on JDK 17 it verifies about ten times as fast as the JDK's SunEC (see the performance page),
 * needs no JCA provider registration, and works the same on every JDK. {@code hexclave.jca-provider} selects a JCA
 * provider instead (for example Amazon Corretto Crypto Provider, faster still, or {@code SunEC} to stay with the JDK).
 */
interface Es256 {

    /** A key of the project's key set, ready to check signatures. */
    interface Key {
        /**
         * @param token a token with a readable, well-shaped signing input
         * @param signature the 64-byte {@code r‖s}
         */
        boolean verify(AccessToken token, byte[] signature);
    }

    /** Prepares a P-256 public key. */
    Key prepare(ECPublicKey key) throws GeneralSecurityException;

    /** A name for logs and the Dev UI ("BouncyCastle (lightweight)", "JCA SunEC" …). */
    String description();

    /** The engine the settings ask for: a named JCA provider, else BouncyCastle when present, else the JDK's. */
    static Es256 forSettings(HexclaveSettings settings) {
        if (settings.jcaProvider().isPresent()) {
            String name = settings.jcaProvider().get();
            if (java.security.Security.getProvider(name) == null) {
                throw new HexclaveConfigException(HexclaveSettings.Keys.JCA_PROVIDER, "'" + name + "' is not an "
                        + "installed JCA provider: install it (Security.addProvider) before the verifier is created, or "
                        + "leave the key unset for the default (BouncyCastle's ECDSA, or the JDK's without bcprov)");
            }
            return new JcaEs256(name);
        }
        return new Default();
    }

    /** Whether {@code bcprov} is on the class path (a dependency of hexclave-core, unless the application excluded it). */
    static boolean bouncyCastlePresent() {
        try {
            Class.forName("org.bouncycastle.crypto.signers.ECDSASigner", false, Es256.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /**
     * The default engine, chosen when first needed (the first key set fetched, or a description asked for):
     * BouncyCastle's when present, else the JDK's. Start-up opens no BouncyCastle class; a Quarkus application pays for
     * the engine at its first verification, not before its first answer. Two threads racing to choose make two equal,
     * stateless engines; either is kept.
     */
    final class Default implements Es256 {

        private volatile Es256 chosen;

        @Override
        public Key prepare(ECPublicKey key) throws GeneralSecurityException {
            return chosen().prepare(key);
        }

        @Override
        public String description() {
            return chosen().description();
        }

        private Es256 chosen() {
            Es256 engine = chosen;
            if (engine == null) {
                engine = bouncyCastlePresent() ? new BouncyCastleEs256() : new JcaEs256(null);
                chosen = engine;
            }
            return engine;
        }
    }
}
