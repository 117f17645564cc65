package io.quarkiverse.hexclave.test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.logging.LogRecord;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.hexclave.runtime.security.HexclaveIdentityProvider;
import io.quarkus.test.QuarkusUnitTest;

/**
 * Fetching keys never blocks an event-loop thread; once the keys are cached, tokens are verified in place on the I/O
 * thread. Read from the identity provider's DEBUG record, which names the verifying thread.
 */
class VerificationThreadTest {

    @RegisterExtension
    static final QuarkusUnitTest app = HexclaveTestApp.create("debug-logging", VerificationThreadTest::check,
            GreetingEndpoint.class);

    static void check(List<LogRecord> logs) {
        List<String> threads = logs.stream()
                .filter(r -> HexclaveIdentityProvider.class.getName().equals(r.getLoggerName()))
                .map(r -> String.valueOf(r.getParameters()[1]))
                .toList();
        assertThat(threads).hasSize(3);
        assertThat(threads.get(0)).as("first token: keys fetched off the event loop").doesNotContain("eventloop");
        assertThat(threads.subList(1, 3)).as("cached keys: verified on the I/O thread")
                .allMatch(t -> t.contains("vert.x-eventloop-thread"));
    }

    @Test
    void tokensAreVerifiedOnTheRightThreads() {
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(SharedEmulator.normalToken()).get("/greet").then().statusCode(200);
        }
    }
}
