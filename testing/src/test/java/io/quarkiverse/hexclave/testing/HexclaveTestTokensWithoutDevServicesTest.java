package io.quarkiverse.hexclave.testing;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkiverse.hexclave.verifier.UserClass;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * A Hexclave on loopback that is not the Dev Services emulator (here: a configured {@code api-url} on 127.0.0.1, as a
 * local self-hosted Hexclave would be) is never written to: minting fails before any call.
 */
@QuarkusTest
@TestProfile(HexclaveTestTokensWithoutDevServicesTest.LocalHexclave.class)
class HexclaveTestTokensWithoutDevServicesTest {

    /** Dev Services off, a loopback Hexclave configured by hand. */
    public static class LocalHexclave implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.hexclave.devservices.enabled", "false",
                    "quarkus.hexclave.api-url", "http://127.0.0.1:9",
                    "quarkus.hexclave.project-id", UUID.randomUUID().toString(),
                    "quarkus.hexclave.secret-server-key", "ssk_local_not_the_emulator");
        }
    }

    @Inject
    HexclaveTestTokens tokens;

    @Test
    void mintingRequiresTheDevServicesEmulator() {
        assertThatThrownBy(() -> tokens.mint()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Dev Services emulator");
        assertThatThrownBy(() -> tokens.mint(UserClass.ANONYMOUS)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Dev Services emulator");
        assertThatThrownBy(() -> tokens.tokenFor("some-user")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Dev Services emulator");
    }
}
