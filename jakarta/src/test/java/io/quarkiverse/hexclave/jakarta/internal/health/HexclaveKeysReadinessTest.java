package io.quarkiverse.hexclave.jakarta.internal.health;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkiverse.hexclave.config.ConfigLookup;
import io.quarkiverse.hexclave.emulator.EmulatedUser;
import io.quarkiverse.hexclave.emulator.HexclaveEmulator;
import io.quarkiverse.hexclave.emulator.NewUser;
import io.quarkiverse.hexclave.jakarta.internal.HexclaveComponents;
import io.quarkiverse.hexclave.verifier.AccessToken;
import io.quarkiverse.hexclave.verifier.Verification;

class HexclaveKeysReadinessTest {

    private final HexclaveEmulator emulator = HexclaveEmulator.builder().build().start();
    private HexclaveComponents components;

    @AfterEach
    void stop() {
        components.verifier().close();
        emulator.close();
    }

    HexclaveKeysReadiness check(Map<String, String> extra) {
        Map<String, String> keys = new HashMap<>(Map.of("hexclave.project-id", emulator.projectId(),
                "hexclave.api-url", emulator.apiUrl(), "hexclave.secret-server-key", emulator.secretServerKey()));
        keys.putAll(extra);
        components = new HexclaveComponents(ConfigLookup.of(keys));
        return new HexclaveKeysReadiness(components);
    }

    @Test
    void readyOnceTheKeysAreFetchedAndTheFetchIsSharedWithVerification() {
        HexclaveKeysReadiness check = check(Map.of());
        emulator.resetJwksRequestCount();

        HealthCheckResponse response = check.call();

        assertThat(response.getName()).isEqualTo("Hexclave signing keys");
        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        Map<String, Object> data = response.getData().orElseThrow();
        assertThat((String) data.get("jwks")).startsWith(emulator.apiUrl()).endsWith("jwks.json");
        assertThat((Long) data.get("keys")).isPositive();
        assertThat(data).containsKey("fetchedAt").doesNotContainKey("lastError");
        assertThat(emulator.jwksRequestCount()).isEqualTo(1);

        assertThat(check.call().getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        EmulatedUser ada = emulator.createUser(NewUser.withEmail("ada@example.com").build());
        Verification verification = components.verifier().verify(AccessToken.of(emulator.mintAccessToken(ada)),
                components.verifier().policy().global());
        assertThat(verification).isInstanceOf(Verification.Accepted.class);
        assertThat(emulator.jwksRequestCount()).isEqualTo(1); // the probe's keys serve the verifier: one fetch in all
    }

    @Test
    void notReadyWhenTheKeysCannotBeFetchedWithTheErrorButNoSecret() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        HexclaveKeysReadiness check = check(Map.of("hexclave.api-url", "http://127.0.0.1:" + closedPort));

        HealthCheckResponse response = check.call();

        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        Map<String, Object> data = response.getData().orElseThrow();
        assertThat(data).containsEntry("keys", 0L).containsKey("lastError").doesNotContainKey("fetchedAt");
        assertThat(data.toString()).doesNotContain(emulator.secretServerKey());
    }

    @Test
    void restModeHoldsNoKeysAndIsReady() {
        HexclaveKeysReadiness check = check(Map.of("hexclave.verification.mode", "rest"));
        emulator.resetJwksRequestCount();

        HealthCheckResponse response = check.call();

        assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        assertThat(response.getData().orElseThrow()).containsKey("verification");
        assertThat(emulator.jwksRequestCount()).isZero();
    }
}
