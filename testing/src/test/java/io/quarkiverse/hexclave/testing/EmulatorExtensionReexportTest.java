package io.quarkiverse.hexclave.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.quarkiverse.hexclave.config.HexclaveSettings;
import io.quarkiverse.hexclave.emulator.EmulatedUser;
import io.quarkiverse.hexclave.emulator.HexclaveEmulator;
import io.quarkiverse.hexclave.emulator.NewUser;
import io.quarkiverse.hexclave.emulator.junit.WithHexclaveEmulator;
import io.quarkiverse.hexclave.verifier.JwtTokenVerifier;
import io.quarkiverse.hexclave.verifier.Verification;

/** Plain JUnit 5 (no Quarkus): the emulator's own extension comes with this artifact. */
@WithHexclaveEmulator
class EmulatorExtensionReexportTest {

    @Test
    void plainJUnitTestGetsAnEmulatorWhoseTokensVerify(HexclaveEmulator emulator) {
        EmulatedUser ada = emulator.createUser(NewUser.withEmail("ada@example.com").displayName("Ada").build());
        JwtTokenVerifier verifier = new JwtTokenVerifier(
                HexclaveSettings.builder(emulator.projectId()).apiUrl(emulator.apiUrl()).build());

        Verification outcome = verifier.verify(emulator.mintAccessToken(ada));

        assertThat(outcome).isInstanceOfSatisfying(Verification.Accepted.class,
                a -> assertThat(a.principal().userId()).isEqualTo(ada.id()));
    }
}
