package io.quarkiverse.hexclave.test.devservices;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.hexclave.config.HexclaveSettings;
import io.quarkiverse.hexclave.runtime.devservices.DevServicesEmulator;
import io.quarkus.test.QuarkusUnitTest;

/** {@code quarkus.hexclave.devservices.enabled=false}: no emulator even without {@code api-url}. */
class DevServicesDisabledTest {

    static final String PROJECT = "5d7c2a9e-1b3f-4e6a-8c0d-9f2e4b6a8c1e";

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(WhoAmIResource.class))
            .overrideConfigKey("quarkus.http.test-port", "0")
            .overrideConfigKey("quarkus.hexclave.devservices.enabled", "false")
            .overrideConfigKey("quarkus.hexclave.project-id", PROJECT);

    @Inject
    HexclaveSettings settings;

    @Inject
    Instance<DevServicesEmulator> emulator;

    @Test
    void hostedHexclaveIsUsedAndNoEmulatorRuns() {
        assertThat(settings.apiUrl()).isEqualTo(HexclaveSettings.DEFAULT_API_URL);
        assertThat(settings.projectId()).isEqualTo(PROJECT);
        assertThat(emulator.isUnsatisfied()).isTrue();
    }
}
