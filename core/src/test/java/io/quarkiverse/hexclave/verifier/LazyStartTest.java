package io.quarkiverse.hexclave.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

import io.quarkiverse.hexclave.emulator.HexclaveEmulator;
import io.quarkiverse.hexclave.emulator.NewUser;

/**
 * Making a verifier loads neither the signature engine (BouncyCastle's ECDSA, some 170 classes) nor the verified-token
 * cache (Caffeine): an application pays for them at its first token, not at start-up. Checked in a class loader of
 * its own, so that other tests' classes do not count.
 */
class LazyStartTest {

    private static final String BOUNCY_CASTLE = "org.bouncycastle.crypto.signers.ECDSASigner";
    private static final String CAFFEINE = "com.github.benmanes.caffeine.cache.Caffeine";

    /** Loads the test class path itself (the JDK's classes from the platform loader), and tells what it loaded. */
    static final class Isolated extends URLClassLoader {

        Isolated() {
            super(classPath(), ClassLoader.getPlatformClassLoader());
        }

        boolean loaded(String name) {
            return findLoadedClass(name) != null;
        }

        private static URL[] classPath() {
            String path = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
            return Arrays.stream(path.split(File.pathSeparator)).filter(p -> !p.isBlank()).map(p -> {
                try {
                    return new File(p).toURI().toURL();
                } catch (MalformedURLException e) {
                    throw new IllegalStateException(p, e);
                }
            }).toArray(URL[]::new);
        }
    }

    @Test
    void theEngineAndTheCacheAreLoadedAtTheFirstTokenNotWhenTheVerifierIsMade() throws Exception {
        try (HexclaveEmulator emulator = HexclaveEmulator.builder().build().start(); Isolated loader = new Isolated()) {
            String token = emulator.mintAccessToken(emulator.createUser(NewUser.withEmail("ada@example.com").build()));
            Class<?> probe = loader.loadClass(LazyStartProbe.class.getName());
            assertThat(probe.getClassLoader()).isSameAs(loader);

            probe.getMethod("make", String.class, String.class).invoke(null, emulator.projectId(), emulator.apiUrl());
            assertThat(loader.loaded(HexclaveTokenVerifier.class.getName())).as("the verifier is made").isTrue();
            assertThat(loader.loaded(BOUNCY_CASTLE)).as("BouncyCastle before the first token").isFalse();
            assertThat(loader.loaded(CAFFEINE)).as("Caffeine before the first token").isFalse();

            assertThat((boolean) probe.getMethod("verify", String.class).invoke(null, token)).isTrue();
            assertThat(loader.loaded(BOUNCY_CASTLE)).as("BouncyCastle checked the signature").isTrue();
            assertThat(loader.loaded(CAFFEINE)).as("Caffeine holds the verified token").isTrue();
            assertThat((boolean) probe.getMethod("verify", String.class).invoke(null, token)).isTrue();
            probe.getMethod("close").invoke(null);
        }
    }
}
