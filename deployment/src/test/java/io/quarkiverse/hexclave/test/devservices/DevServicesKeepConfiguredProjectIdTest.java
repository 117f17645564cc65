package io.quarkiverse.hexclave.test.devservices;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.hexclave.client.HexclaveClient;
import io.quarkiverse.hexclave.config.HexclaveSettings;
import io.quarkiverse.hexclave.runtime.devservices.DevServicesEmulator;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A project id without {@code api-url}: the emulator emulates that project, so the id the application logs and
 * compares stays the one the developer configured.
 */
class DevServicesKeepConfiguredProjectIdTest {

    static final String PROJECT = "a3f1c9d2-6b4e-4f80-9a2c-7e5d1b3c9f04";

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(WhoAmIResource.class))
            .overrideConfigKey("quarkus.http.test-port", "0")
            .overrideConfigKey("quarkus.hexclave.project-id", PROJECT);

    @Inject
    HexclaveSettings settings;

    @Inject
    DevServicesEmulator emulator;

    @Inject
    HexclaveClient client;

    @Test
    void emulatorEmulatesTheConfiguredProject() {
        assertThat(emulator.projectId()).isEqualTo(PROJECT);
        assertThat(settings.projectId()).isEqualTo(PROJECT);
        assertThat(settings.apiUrl()).isEqualTo(emulator.apiUrl());
        String token = client.sessions().create(emulator.demoUserId()).accessToken().value();
        given().auth().oauth2(token).get("/whoami").then().statusCode(200).body(equalTo(emulator.demoUserId()));
    }
}
