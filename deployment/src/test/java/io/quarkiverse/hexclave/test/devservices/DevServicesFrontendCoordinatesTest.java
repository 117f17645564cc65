package io.quarkiverse.hexclave.test.devservices;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;
import java.util.logging.LogRecord;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.hexclave.client.HexclaveClient;
import io.quarkiverse.hexclave.config.HexclaveSettings;
import io.quarkiverse.hexclave.runtime.devservices.DevServicesEmulator;
import io.quarkiverse.hexclave.runtime.devui.HexclaveJsonRpcService;
import io.quarkiverse.hexclave.verifier.HexclaveTokenVerifier;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A developer points a frontend at the Dev Services emulator: with the port, project id and publishable key fixed, the
 * emulator listens on that port, and the start-up log line and the Dev UI's {@code frontendConfig} show the base URL,
 * project id and publishable key to paste into the frontend's configuration, never the secret server key.
 */
class DevServicesFrontendCoordinatesTest {

    /** Chosen once: the test class is initialised again in the application's class loader. */
    static final int PORT = Integer.parseInt(System.getProperties()
            .computeIfAbsent("hexclave.test.frontend-port", k -> String.valueOf(LogText.freePort())).toString());
    static final String PROJECT = "5d0c2f6a-1e3b-4a7d-9c8e-2b4f6a8c0e1d";
    static final String PUBLISHABLE_KEY = "pck_frontend_dev";

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(WhoAmIResource.class, LogText.class))
            .overrideConfigKey("quarkus.http.test-port", "0")
            .overrideConfigKey("quarkus.hexclave.devservices.port", String.valueOf(PORT))
            .overrideConfigKey("quarkus.hexclave.devservices.publishable-client-key", PUBLISHABLE_KEY)
            .overrideConfigKey("quarkus.hexclave.project-id", PROJECT)
            .setLogRecordPredicate(r -> r.getLoggerName().startsWith("io.quarkiverse.hexclave"))
            .assertLogRecords(DevServicesFrontendCoordinatesTest::startLineShowsTheFrontendCoordinates);

    @Inject
    HexclaveSettings settings;

    @Inject
    HexclaveTokenVerifier verifier;

    @Inject
    HexclaveClient client;

    @Inject
    Instance<DevServicesEmulator> emulator;

    static void startLineShowsTheFrontendCoordinates(List<LogRecord> logs) {
        String base = "http://127.0.0.1:" + PORT;
        List<String> lines = logs.stream().map(LogText::of).filter(m -> m.contains("emulator runs at")).toList();
        assertThat(lines).hasSize(1);
        assertThat(lines.get(0))
                .contains("runs at " + base + " for the tests (demo user demo@example.com)")
                .contains("    baseUrl: \"" + base + "\",\n")
                .contains("    projectId: \"" + PROJECT + "\",\n")
                .contains("    publishableClientKey: \"" + PUBLISHABLE_KEY + "\",\n")
                .contains("They stay the same across restarts.");
        // The secret server key (ssk_emulator_…) is in no log record, formatted or not.
        assertThat(logs).noneMatch(r -> LogText.of(r).contains("ssk_"));
    }

    @Test
    void emulatorListensOnTheConfiguredPortWithTheConfiguredKey() {
        String base = "http://127.0.0.1:" + PORT;
        assertThat(emulator.get().apiUrl()).isEqualTo(base);
        assertThat(settings.apiUrl()).isEqualTo(base);
        assertThat(settings.projectId()).isEqualTo(PROJECT);
        assertThat(emulator.get().publishableClientKey()).isEqualTo(PUBLISHABLE_KEY);

        // The frontend's calls: the emulator's client API answers the project view for this key and project.
        given().baseUri(base).header("x-stack-project-id", PROJECT).header("x-stack-access-type", "client")
                .header("x-stack-publishable-client-key", PUBLISHABLE_KEY)
                .get("/api/v1/projects/current").then().statusCode(200).body("id", equalTo(PROJECT));
        given().baseUri(base).header("x-stack-project-id", PROJECT).header("x-stack-access-type", "client")
                .header("x-stack-publishable-client-key", "pck_wrong")
                .get("/api/v1/projects/current").then().statusCode(401);
    }

    @Test
    void devUiFrontendConfigShowsWhatTheFrontendPastes() {
        HexclaveJsonRpcService service = new HexclaveJsonRpcService(settings, verifier, client, emulator);
        Map<String, Object> frontend = service.frontendConfig();
        String base = "http://127.0.0.1:" + PORT;

        assertThat(frontend).containsEntry("emulator", true).containsEntry("baseUrl", base)
                .containsEntry("projectId", PROJECT).containsEntry("publishableClientKey", PUBLISHABLE_KEY)
                .containsEntry("stackClientAppOptions", "baseUrl: \"" + base + "\",\nprojectId: \"" + PROJECT
                        + "\",\npublishableClientKey: \"" + PUBLISHABLE_KEY + "\",\n")
                .containsEntry("viteEnv", "VITE_HEXCLAVE_API_URL=" + base + "\nVITE_HEXCLAVE_PROJECT_ID=" + PROJECT
                        + "\nVITE_HEXCLAVE_PUBLISHABLE_CLIENT_KEY=" + PUBLISHABLE_KEY + "\n");
        String secret = settings.secretServerKey().orElseThrow().value();
        assertThat(frontend.toString()).doesNotContain(secret).doesNotContain("ssk_");
    }
}
