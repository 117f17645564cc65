package io.quarkiverse.hexclave.client;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import io.quarkiverse.hexclave.config.HexclaveSettings;
import io.quarkiverse.hexclave.emulator.HexclaveEmulator;

/**
 * One embedded emulator (loopback, port 0) per test class and a client whose every request and response is validated
 * against Hexclave's full OpenAPI documents ({@link ContractCheckingTransport}).
 */
abstract class EmulatorTestBase {

    static HexclaveEmulator emulator;
    static ContractCheckingTransport transport;
    static HexclaveClient client;

    @BeforeAll
    static void startEmulator() {
        emulator = HexclaveEmulator.builder().build().start();
        transport = new ContractCheckingTransport(new JdkHttpTransport(java.time.Duration.ofSeconds(2)), true);
        client = new HexclaveClient(settings().build(), transport);
    }

    @AfterAll
    static void stopEmulator() {
        if (client != null) {
            client.close();
            client = null;
        }
        if (emulator != null) {
            emulator.close();
            emulator = null;
        }
    }

    static HexclaveSettings.Builder settings() {
        return HexclaveSettings.builder(emulator.projectId()).apiUrl(emulator.apiUrl())
                .secretServerKey(emulator.secretServerKey()).publishableClientKey(emulator.publishableClientKey());
    }

    /** Whether the contract-checking transport saw {@code METHOD path-prefix} (proof the operation was exercised). */
    static boolean checked(String method, String pathPrefix) {
        return transport.checked.stream().anyMatch(c -> c.startsWith(method + " /api/v1" + pathPrefix));
    }
}
