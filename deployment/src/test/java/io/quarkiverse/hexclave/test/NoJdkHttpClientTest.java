package io.quarkiverse.hexclave.test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.micrometer.core.instrument.Metrics;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A Quarkus application calls Hexclave over the Vert.x transport only: starting, fetching keys and calling the client
 * create no JDK {@code HttpClient} (each starts a {@code HttpClient-<n>-SelectorManager} thread at once) and no
 * {@code hexclave-http-<n>} executor thread of the JDK transport. No meter names the user a call was about.
 */
class NoJdkHttpClientTest {

    private static final String BEFORE_START = "io.quarkiverse.hexclave.test.http-threads-before-start";

    static {
        // Runs first in JUnit's class loader, before the application starts (see SharedEmulator).
        if (System.getProperty(BEFORE_START) == null) {
            System.setProperty(BEFORE_START, String.join(",", httpThreads()));
        }
    }

    @RegisterExtension
    static final QuarkusUnitTest app = HexclaveTestApp
            .create("default", GreetingEndpoint.class, OutgoingHttpEndpoint.class)
            .overrideRuntimeConfigKey("quarkus.hexclave.secret-server-key", SharedEmulator.secretServerKey());

    @Test
    void noJdkHttpClientIsCreatedAndNoMeterNamesAUser() {
        String userId = SharedEmulator.userAndToken()[0];
        given().auth().oauth2(SharedEmulator.normalToken()).get("/greet").then().statusCode(200);
        given().get("/outgoing/user/" + userId).then().statusCode(200);
        given().get("/outgoing/user-async/" + userId).then().statusCode(200);

        // quarkus-micrometer is on this module's test class path: the Vert.x client's calls are not in
        // http.client.requests, whose uri tag would be /api/v1/users/<id>.
        assertThat(Metrics.globalRegistry.getMeters()).as("meters").isNotEmpty()
                .noneMatch(m -> m.getId().getTags().stream().anyMatch(t -> t.getValue().contains(userId)));

        List<String> before = Arrays.asList(System.getProperty(BEFORE_START).split(","));
        assertThat(httpThreads()).as("JDK HTTP client threads started since the application started")
                .allMatch(before::contains);
    }

    private static List<String> httpThreads() {
        return Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                .filter(n -> n.matches("HttpClient-\\d+-SelectorManager") || n.startsWith("hexclave-http-"))
                .sorted().toList();
    }
}
