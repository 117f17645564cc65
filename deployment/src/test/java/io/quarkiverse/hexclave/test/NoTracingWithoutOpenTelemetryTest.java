package io.quarkiverse.hexclave.test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/** Without quarkus-opentelemetry, the calls to Hexclave carry no trace context: the tracing decorator is not used. */
class NoTracingWithoutOpenTelemetryTest {

    @RegisterExtension
    static final QuarkusUnitTest app = HexclaveTestApp.create("default", TracedEndpoint.class)
            .overrideRuntimeConfigKey("quarkus.hexclave.secret-server-key", SharedEmulator.secretServerKey());

    @Test
    void noTraceparentIsSent() {
        String[] userAndToken = SharedEmulator.userAndToken();
        given().auth().oauth2(userAndToken[1]).get("/traced/me").then().statusCode(200);

        assertThat(SharedEmulator.admin("headers GET /api/v1/users/" + userAndToken[0] + " x-hexclave-client-version"))
                .isNotEmpty(); // the control: the call reached the emulator
        assertThat(SharedEmulator.admin("headers GET /api/v1/users/" + userAndToken[0] + " traceparent")).isEmpty();
    }
}
