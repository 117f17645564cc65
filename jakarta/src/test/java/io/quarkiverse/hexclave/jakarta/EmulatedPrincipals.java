package io.quarkiverse.hexclave.jakarta;

import io.quarkiverse.hexclave.config.HexclaveSettings;
import io.quarkiverse.hexclave.emulator.HexclaveEmulator;
import io.quarkiverse.hexclave.verifier.HexclavePrincipal;
import io.quarkiverse.hexclave.verifier.JwtTokenVerifier;
import io.quarkiverse.hexclave.verifier.UserClass;
import io.quarkiverse.hexclave.verifier.Verification;

/** Real principals: tokens minted by one shared emulator and verified by the core verifier. */
final class EmulatedPrincipals {

    private static final HexclaveEmulator EMULATOR = HexclaveEmulator.builder().build().start();
    private static final JwtTokenVerifier VERIFIER = new JwtTokenVerifier(HexclaveSettings.builder(EMULATOR.projectId())
            .apiUrl(EMULATOR.apiUrl()).allowAnonymousUsers(true).build());

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(EMULATOR::close));
    }

    private EmulatedPrincipals() {
    }

    static HexclavePrincipal principal(UserClass userClass) {
        String token = EMULATOR.mintAccessToken(io.quarkiverse.hexclave.emulator.UserClass.valueOf(userClass.name()));
        return ((Verification.Accepted) VERIFIER.verify(token)).principal();
    }
}
