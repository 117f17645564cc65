package io.quarkiverse.hexclave.benchmarks;

import java.security.Security;

/** Installs the providers a benchmark names. */
final class Providers {

    private Providers() {
    }

    /** Installs BouncyCastle or Amazon Corretto Crypto Provider when named; returns the JCA provider name. */
    static String install(String name) {
        switch (name) {
            case "BC" -> {
                if (Security.getProvider("BC") == null) {
                    Security.addProvider(new org.bouncycastle.jce.provider.BouncyCastleProvider());
                }
            }
            case "AmazonCorrettoCryptoProvider" -> {
                if (Security.getProvider(name) == null) {
                    com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider.install();
                    com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider.INSTANCE.assertHealthy();
                }
            }
            default -> {
            }
        }
        return name;
    }
}
