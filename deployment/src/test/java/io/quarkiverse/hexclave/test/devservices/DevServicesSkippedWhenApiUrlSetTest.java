package io.quarkiverse.hexclave.test.devservices;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.hexclave.config.HexclaveSettings;
import io.quarkiverse.hexclave.runtime.devservices.DevServicesEmulator;
import io.quarkus.test.QuarkusUnitTest;

/** A configured {@code api-url} means a real (or self-hosted) Hexclave: Dev Services stay out of the way. */
class DevServicesSkippedWhenApiUrlSetTest {

    static final String PROJECT = "0b5e3c1a-8a4f-4c55-9d1e-2f8f0c3b7a10";

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(WhoAmIResource.class))
            .overrideConfigKey("quarkus.http.test-port", "0")
            .overrideConfigKey("quarkus.hexclave.api-url", "http://127.0.0.1:9")
            .overrideConfigKey("quarkus.hexclave.project-id", PROJECT)
            .setLogRecordPredicate(r -> r.getLoggerName().startsWith("io.quarkiverse.hexclave"))
            .assertLogRecords(logs -> assertThat(logs)
                    .noneMatch(r -> r.getMessage().contains("embedded Hexclave emulator runs at")));

    @Inject
    HexclaveSettings settings;

    @Inject
    Instance<DevServicesEmulator> emulator;

    @Test
    void configuredHexclaveIsUsedAndNoEmulatorRuns() {
        assertThat(settings.apiUrl()).isEqualTo("http://127.0.0.1:9");
        assertThat(settings.projectId()).isEqualTo(PROJECT);
        assertThat(settings.secretServerKey()).isEmpty();
        assertThat(emulator.isUnsatisfied()).isTrue();
    }
}
