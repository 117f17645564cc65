package io.quarkiverse.hexclave.test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.builder.Version;
import io.quarkus.maven.dependency.Dependency;
import io.quarkus.test.QuarkusUnitTest;

/**
 * With quarkus-opentelemetry: a request authenticated by a Hexclave token whose endpoint calls Hexclave has a CLIENT
 * span for the key fetch and one for the API call, both children of its server span, with OpenTelemetry's HTTP client
 * attributes and no secret; Hexclave receives one {@code traceparent} naming that span; a refused call is an ERROR
 * span; retries are parented like the first attempt.
 * <p>
 * The key-fetch test runs first: afterwards the keys are cached and no fetch happens.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TracingTest {

    static final String API_CALL = "hexclave GET /users/{id}";
    static final String KEY_FETCH = "hexclave GET /projects/{id}/.well-known/jwks.json";

    @RegisterExtension
    static final QuarkusUnitTest app = HexclaveTestApp.create("tracing", TracedEndpoint.class,
            InMemorySpanExporterProducer.class)
            .overrideRuntimeConfigKey("quarkus.hexclave.secret-server-key", SharedEmulator.secretServerKey())
            .setForcedDependencies(List.of(Dependency.of("io.quarkus", "quarkus-opentelemetry-deployment",
                    Version.getVersion())));

    @Inject
    InMemorySpanExporter spans;

    @BeforeEach
    void resetSpans() {
        spans.reset();
    }

    @AfterEach
    void reset() {
        SharedEmulator.fault("reset");
    }

    @Test
    @Order(1)
    void keyFetchAndApiCallAreChildrenOfTheServerSpan() {
        String[] userAndToken = SharedEmulator.userAndToken();
        String userId = userAndToken[0];
        given().auth().oauth2(userAndToken[1]).get("/traced/me").then().statusCode(200);

        SpanData server = await(s -> s.getKind() == SpanKind.SERVER && s.getName().contains("/traced/me"));
        SpanData keyFetch = await(s -> s.getName().equals(KEY_FETCH));
        SpanData apiCall = await(s -> s.getName().equals(API_CALL));
        for (SpanData client : List.of(keyFetch, apiCall)) {
            assertThat(client.getKind()).isEqualTo(SpanKind.CLIENT);
            assertThat(client.getTraceId()).isEqualTo(server.getTraceId());
            assertThat(client.getParentSpanId()).as(client.getName()).isEqualTo(server.getSpanId());
            assertThat(client.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
            assertThat(attribute(client, "http.request.method")).isEqualTo("GET");
            assertThat(attribute(client, "server.address")).isEqualTo("127.0.0.1");
            assertThat(client.getAttributes().get(AttributeKey.longKey("server.port")))
                    .isEqualTo((long) URI.create(SharedEmulator.apiUrl()).getPort());
            assertThat(client.getAttributes().get(AttributeKey.longKey("http.response.status_code"))).isEqualTo(200L);
            assertThat(attribute(client, "url.full")).startsWith(SharedEmulator.apiUrl() + "/api/v1/").doesNotContain("?");
            assertThat(client.getAttributes().asMap().values()).allSatisfy(v -> assertThat(String.valueOf(v))
                    .doesNotContain(userAndToken[1]).doesNotContain(SharedEmulator.secretServerKey()));
        }
        assertThat(attribute(apiCall, "url.template")).isEqualTo("/api/v1/users/{id}");
        assertThat(attribute(apiCall, "url.full")).isEqualTo(SharedEmulator.apiUrl() + "/api/v1/users/" + userId);
        assertThat(attribute(keyFetch, "url.template")).isEqualTo("/api/v1/projects/{id}/.well-known/jwks.json");

        // Hexclave received exactly one traceparent per request, naming the client span of that request.
        assertThat(receivedTraceparent("/api/v1/users/" + userId))
                .containsExactly("00-" + server.getTraceId() + "-" + apiCall.getSpanId() + "-01");
        assertThat(receivedTraceparent("/api/v1/projects/" + SharedEmulator.projectId() + "/.well-known/jwks.json"))
                .containsExactly("00-" + server.getTraceId() + "-" + keyFetch.getSpanId() + "-01");
    }

    @Test
    @Order(2)
    void refusedCallIsAnErrorSpan() {
        String missing = UUID.randomUUID().toString();
        given().auth().oauth2(SharedEmulator.normalToken()).get("/traced/users/" + missing).then().statusCode(404);

        SpanData server = await(s -> s.getKind() == SpanKind.SERVER && s.getName().contains("/traced/users"));
        SpanData apiCall = await(s -> s.getName().equals(API_CALL));
        assertThat(apiCall.getParentSpanId()).isEqualTo(server.getSpanId());
        assertThat(apiCall.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(apiCall.getAttributes().get(AttributeKey.longKey("http.response.status_code"))).isEqualTo(404L);
        assertThat(attribute(apiCall, "error.type")).isEqualTo("404");
        assertThat(attribute(apiCall, "hexclave.request_id")).isNotBlank();
        assertThat(spans.getFinishedSpanItems()).noneMatch(s -> s.getName().equals(KEY_FETCH)); // keys cached
    }

    @Test
    @Order(3)
    void retriesAreParentedLikeTheFirstAttempt() {
        String[] userAndToken = SharedEmulator.userAndToken();
        SharedEmulator.admin("api-status 503");
        given().auth().oauth2(userAndToken[1]).get("/traced/users/" + userAndToken[0]).then().statusCode(503);

        SpanData server = await(s -> s.getKind() == SpanKind.SERVER && s.getName().contains("/traced/users"));
        List<SpanData> attempts = awaitAll(s -> s.getName().equals(API_CALL), 4); // 1 + quarkus.hexclave.client.max-retries
        assertThat(attempts).allSatisfy(a -> {
            assertThat(a.getParentSpanId()).isEqualTo(server.getSpanId());
            assertThat(a.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
            assertThat(attribute(a, "error.type")).isEqualTo("503");
        });
        assertThat(attempts).extracting(a -> a.getAttributes().get(AttributeKey.longKey("http.request.resend_count")))
                .containsExactlyInAnyOrder(null, 1L, 2L, 3L);
    }

    private static String attribute(SpanData span, String key) {
        return span.getAttributes().get(AttributeKey.stringKey(key));
    }

    private static List<String> receivedTraceparent(String path) {
        String values = SharedEmulator.admin("headers GET " + path + " traceparent");
        return values.isEmpty() ? List.of() : List.of(values.split("\n"));
    }

    private SpanData await(Predicate<SpanData> which) {
        return awaitAll(which, 1).get(0);
    }

    /** The finished spans {@code which} selects, once there are {@code count} (10 s at most). */
    private List<SpanData> awaitAll(Predicate<SpanData> which, int count) {
        long deadline = System.nanoTime() + 10_000_000_000L;
        List<SpanData> found = List.of();
        while (System.nanoTime() < deadline) {
            found = spans.getFinishedSpanItems().stream().filter(which).toList();
            if (found.size() >= count) {
                return found;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        throw new AssertionError("expected " + count + " spans, found " + found + " among "
                + spans.getFinishedSpanItems());
    }
}
