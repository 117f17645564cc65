package io.quarkiverse.hexclave.it.oidc;

import java.util.Map;

import io.quarkiverse.hexclave.emulator.HexclaveEmulator;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** The Hexclave emulator on a loopback port, configured as {@code hexclave dev} would; injected into the tests. */
public class EmulatorResource implements QuarkusTestResourceLifecycleManager {

    private HexclaveEmulator emulator;

    @Override
    public Map<String, String> start() {
        emulator = HexclaveEmulator.builder().build().start();
        return Map.of("quarkus.hexclave.api-url", emulator.apiUrl(), "quarkus.hexclave.project-id",
                emulator.projectId(), "quarkus.hexclave.secret-server-key", emulator.secretServerKey());
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(emulator, new TestInjector.MatchesType(HexclaveEmulator.class));
    }

    @Override
    public void stop() {
        if (emulator != null) {
            emulator.close();
        }
    }
}
