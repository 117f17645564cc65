package io.quarkiverse.hexclave.test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.hexclave.config.HexclaveSettings;
import io.quarkus.test.QuarkusUnitTest;

/**
 * Unset {@code quarkus.hexclave.*} keys fall back to {@code hexclave.*} and so to the {@code HEXCLAVE_*} variables
 * that {@code hexclave dev} injects. Surefire sets {@code HEXCLAVE_PUBLISHABLE_CLIENT_KEY} for this module.
 */
class ConfigFallbackTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(GreetingEndpoint.class, SharedEmulator.class, HostileToken.class)
                    .addAsResource("application-default.properties", "application.properties"))
            .overrideRuntimeConfigKey("hexclave.project-id", SharedEmulator.projectId())
            .overrideRuntimeConfigKey("hexclave.api-url", SharedEmulator.apiUrl())
            .overrideRuntimeConfigKey("hexclave.secret-server-key", SharedEmulator.secretServerKey());

    @Inject
    HexclaveSettings settings;

    @Test
    void coreKeysAreUsedWhenQuarkusKeysAreUnset() {
        assertThat(settings.projectId()).isEqualTo(SharedEmulator.projectId());
        assertThat(settings.apiUrl()).isEqualTo(SharedEmulator.apiUrl());
        assertThat(settings.secretServerKey()).isPresent();
        given().auth().oauth2(SharedEmulator.normalToken()).get("/greet").then().statusCode(200);
    }

    @Test
    void environmentVariableIsUsedWhenNoKeyIsSet() {
        assertThat(System.getenv("HEXCLAVE_PUBLISHABLE_CLIENT_KEY")).isEqualTo("pck_from_environment");
        assertThat(settings.publishableClientKey()).contains("pck_from_environment");
    }

    @Test
    void settingsNeverPrintTheSecretKey() {
        assertThat(settings.toString()).doesNotContain(SharedEmulator.secretServerKey());
    }
}
