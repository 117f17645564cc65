package io.quarkiverse.hexclave.test.devservices;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.hexclave.client.HexclaveClient;
import io.quarkiverse.hexclave.client.model.User;
import io.quarkiverse.hexclave.config.HexclaveSettings;
import io.quarkiverse.hexclave.runtime.devservices.DevServicesEmulator;
import io.quarkus.test.QuarkusUnitTest;

/**
 * No {@code api-url}, no project id: Dev Services start the emulator, publish its coordinates, seed the demo user,
 * and the real mechanism accepts the emulator's tokens.
 */
class DevServicesStartWhenNoHexclaveConfiguredTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(WhoAmIResource.class, LogText.class))
            .overrideConfigKey("quarkus.http.test-port", "0")
            .setLogRecordPredicate(r -> r.getLoggerName().startsWith("io.quarkiverse.hexclave"))
            .assertLogRecords(logs -> {
                assertThat(logs).anyMatch(r -> r.getMessage().contains("embedded Hexclave emulator runs at"));
                // Nothing fixed: the line shows a random publishable key and says what changes with every start.
                assertThat(logs).map(LogText::of).filteredOn(m -> m.contains("emulator runs at")).singleElement()
                        .asString().containsPattern("publishableClientKey: \"pck_emulator_[A-Za-z0-9]+\",")
                        .contains("They change with every start unless fixed: the port "
                                + "(quarkus.hexclave.devservices.port), the project id (quarkus.hexclave.project-id), "
                                + "the key (quarkus.hexclave.devservices.publishable-client-key).")
                        .doesNotContain("ssk_");
                assertThat(logs).noneMatch(r -> String.valueOf(r.getMessage()).contains("eyJ")
                        || String.valueOf(r.getParameters() == null ? "" : java.util.Arrays.toString(r.getParameters()))
                                .contains("eyJ"));
            });

    @Inject
    HexclaveSettings settings;

    @Inject
    HexclaveClient client;

    @Inject
    DevServicesEmulator emulator;

    @Test
    void emulatorCoordinatesArePublishedAsConfig() {
        String apiUrl = ConfigProvider.getConfig().getValue("quarkus.hexclave.api-url", String.class);
        assertThat(apiUrl).startsWith("http://127.0.0.1:").isEqualTo(emulator.apiUrl());
        assertThat(settings.apiUrl()).isEqualTo(apiUrl);
        assertThat(settings.projectId()).isEqualTo(emulator.projectId());
        assertThat(settings.secretServerKey()).isPresent();
        // The emulator's key, not HEXCLAVE_PUBLISHABLE_CLIENT_KEY (which surefire sets for this module): what Dev
        // Services set wins over the HEXCLAVE_* variables, as it wins over an unset quarkus.hexclave.* key.
        assertThat(System.getenv("HEXCLAVE_PUBLISHABLE_CLIENT_KEY")).isEqualTo("pck_from_environment");
        assertThat(settings.publishableClientKey()).contains(emulator.publishableClientKey());
    }

    @Test
    void demoUserIsSeeded() {
        User demo = client.users().get(emulator.demoUserId());
        assertThat(demo.primaryEmail()).isEqualTo("demo@example.com");
        assertThat(demo.displayName()).isEqualTo("Demo User");
        assertThat(emulator.demoUserEmail()).isEqualTo("demo@example.com");
    }

    @Test
    void emulatorTokenPassesTheRealMechanism() {
        String token = client.sessions().create(emulator.demoUserId()).accessToken().value();
        given().auth().oauth2(token).get("/whoami").then().statusCode(200).body(equalTo(emulator.demoUserId()));
        given().get("/whoami").then().statusCode(401);
        given().auth().oauth2(token + "x").get("/whoami").then().statusCode(401)
                .header("WWW-Authenticate", containsString("invalid_token")).body(not(containsString("eyJ")));
    }
}
