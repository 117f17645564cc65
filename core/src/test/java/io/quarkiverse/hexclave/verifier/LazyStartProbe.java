package io.quarkiverse.hexclave.verifier;

import java.time.Clock;

import io.quarkiverse.hexclave.config.HexclaveSettings;

/** Runs in a class loader of its own (see {@link LazyStartTest}): makes a verifier, then verifies tokens with it. */
public final class LazyStartProbe {

    private static HexclaveTokenVerifier verifier;

    private LazyStartProbe() {
    }

    public static void make(String projectId, String apiUrl) {
        verifier = HexclaveTokenVerifier.create(HexclaveSettings.builder(projectId).apiUrl(apiUrl).build(),
                UserClassPolicy.NORMAL_ONLY, Clock.systemUTC());
    }

    public static boolean verify(String token) {
        return verifier.verify(token).accepted();
    }

    public static void close() {
        verifier.close();
    }
}
