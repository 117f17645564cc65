package io.quarkiverse.hexclave.test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.logging.LogRecord;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.hexclave.client.HexclaveClient;
import io.quarkiverse.hexclave.client.error.HexclaveConnectionException;
import io.quarkus.test.QuarkusUnitTest;

/**
 * The same self-hosted Hexclave without a TLS configuration naming its CA: the JVM's trust store refuses the
 * certificate, so keys are unavailable (503, never 401) and client calls fail, each with a message that says the TLS
 * handshake failed and why, and nothing secret in the log.
 */
class UntrustedTlsTest {

    @RegisterExtension
    static final QuarkusUnitTest app = LoopbackTls.behindTlsFront(HexclaveTestApp
            .create("default", UntrustedTlsTest::check, GreetingEndpoint.class, LoopbackTls.class));

    @Inject
    HexclaveClient client;

    static void check(List<LogRecord> logs) {
        assertThat(logs).as("the key fetch failure, logged with its TLS reason")
                .anyMatch(r -> text(r).contains("HEXCLAVE002") && text(r).contains("TLS handshake failed")
                        && text(r).contains("SSLHandshakeException"));
        assertThat(logs).noneMatch(r -> text(r).contains(SharedEmulator.secretServerKey()));
    }

    @Test
    void keysAreUnavailableSoTokensGet503() {
        given().auth().oauth2(SharedEmulator.normalToken()).get("/greet").then().statusCode(503);
    }

    @Test
    void clientCallsFailWithTheTlsReason() {
        HexclaveConnectionException e = catchThrowableOfType(HexclaveConnectionException.class,
                () -> client.users().get("user-1"));

        assertThat(e.getMessage()).startsWith("Hexclave call GET /api/v1/users/user-1 failed: TLS handshake failed")
                .contains("SSLHandshakeException: unable to find valid certification path to requested target")
                .contains("quarkus.hexclave.http.tls-configuration-name")
                .doesNotContain(SharedEmulator.secretServerKey());
        assertThat(e.timeout()).isFalse();
        assertThat(LoopbackTls.frontConnections()).as("the front was reached").isPositive();
    }

    private static String text(LogRecord r) {
        return r.getMessage() + " " + java.util.Arrays.toString(r.getParameters());
    }
}
