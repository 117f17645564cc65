package io.quarkiverse.hexclave.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

/** The emulator delivers its changes as Svix-signed webhook events, with bounded retries. */
class EmulatorWebhooksTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the receiver got: headers and body of each request. */
    record Received(Map<String, String> headers, JsonNode body, byte[] raw) {
        String type() {
            return body.path("type").asText();
        }
    }

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger failFirst = new AtomicInteger();
    private HttpServer receiver;
    private HexclaveEmulator emulator;
    private String secret;

    @BeforeEach
    void start() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hooks", exchange -> {
            byte[] raw = exchange.getRequestBody().readAllBytes();
            Map<String, String> headers = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k, v.get(0)));
            received.add(new Received(headers, JSON.readTree(raw), raw));
            int status = failFirst.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? 500 : 204;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
        secret = WebhookSignature.newSecret();
        emulator = HexclaveEmulator.builder().build().start();
        emulator.webhooks().secret(secret).retryDelays(Duration.ofMillis(20), Duration.ofMillis(20))
                .addEndpoint("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks");
    }

    @AfterEach
    void stop() {
        emulator.close();
        receiver.stop(0);
    }

    private List<String> typesAfter(int count) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while ((received.size() < count || emulator.webhooks().pending() > 0) && System.nanoTime() < deadline) {
            Thread.onSpinWait();
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return received.stream().map(Received::type).toList();
    }

    @Test
    void javaApiChangesAreDeliveredInOrderWithTheirData() {
        EmulatedUser user = emulator.createUser(NewUser.withEmail("ada@example.com").displayName("Ada").build());
        EmulatedTeam team = emulator.createTeam("Engines");
        emulator.defineTeamPermission("docs_read");
        emulator.addTeamMember(team.id(), user.id());
        emulator.grantTeamPermission(team.id(), user.id(), "docs_read");
        emulator.revokeTeamPermission(team.id(), user.id(), "docs_read");
        emulator.removeTeamMember(team.id(), user.id());
        emulator.addTeamMember(team.id(), user.id());
        emulator.deleteUser(user.id());
        emulator.deleteTeam(team.id());
        assertThat(typesAfter(10)).containsExactly("user.created", "team.created", "team_membership.created",
                "team_permission.created", "team_permission.deleted", "team_membership.deleted",
                "team_membership.created", "user.deleted", "team.deleted");
        assertThat(received.get(0).body().path("data").path("primary_email").asText()).isEqualTo("ada@example.com");
        assertThat(received.get(0).body().path("data").path("display_name").asText()).isEqualTo("Ada");
        assertThat(received.get(1).body().path("data").path("display_name").asText()).isEqualTo("Engines");
        assertThat(received.get(3).body().path("data").path("id").asText()).isEqualTo("docs_read");
        assertThat(received.get(3).body().path("data").path("user_id").asText()).isEqualTo(user.id());
        assertThat(received.get(3).body().path("data").path("team_id").asText()).isEqualTo(team.id());
        JsonNode deleted = received.get(7).body().path("data");
        assertThat(deleted.path("id").asText()).isEqualTo(user.id());
        assertThat(deleted.path("teams").get(0).path("id").asText()).isEqualTo(team.id());
    }

    @Test
    void deliveriesAreSvixSigned() {
        emulator.createTeam("Signed");
        typesAfter(1);
        Received r = received.get(0);
        assertThat(r.headers().get("svix-id")).startsWith("msg_");
        long timestamp = Long.parseLong(r.headers().get("svix-timestamp"));
        assertThat(Math.abs(timestamp - Instant.now().getEpochSecond())).isLessThan(60);
        assertThat(r.headers().get("svix-signature"))
                .isEqualTo(WebhookSignature.sign(secret, r.headers().get("svix-id"), timestamp, r.raw()));
        assertThat(r.headers().get("content-type")).isEqualTo("application/json");
    }

    @Test
    void httpApiChangesAreDeliveredToo() throws Exception {
        EmulatedUser user = emulator.createUser(NewUser.withEmail("grace@example.com").build());
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(emulator.apiUrl() + "/api/v1/users/" + user.id()))
                .header("x-hexclave-access-type", "server").header("x-hexclave-project-id", emulator.projectId())
                .header("x-hexclave-secret-server-key", emulator.secretServerKey())
                .header("content-type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"display_name\":\"Grace\"}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(typesAfter(2)).containsExactly("user.created", "user.updated");
        assertThat(received.get(1).body().path("data").path("display_name").asText()).isEqualTo("Grace");
    }

    @Test
    void failedDeliveryIsRetriedWithTheSameIdUntilItSucceeds() {
        failFirst.set(2);
        emulator.createTeam("Retried");
        assertThat(typesAfter(3)).containsExactly("team.created", "team.created", "team.created");
        assertThat(received).extracting(r -> r.headers().get("svix-id")).containsOnly(
                received.get(0).headers().get("svix-id"));
        assertThat(emulator.webhooks().attempts()).extracting(WebhookAttempt::status).containsExactly(500, 500, 204);
        assertThat(emulator.webhooks().attempts()).extracting(WebhookAttempt::attempt).containsExactly(1, 2, 3);
    }

    @Test
    void retriesAreBounded() {
        failFirst.set(100);
        emulator.createTeam("Given up");
        typesAfter(3);
        assertThat(emulator.webhooks().pending()).isZero();
        assertThat(received).hasSize(3); // the first attempt and one per retry delay
        assertThat(emulator.webhooks().attempts()).noneMatch(WebhookAttempt::delivered);
    }

    @Test
    void unreachableEndpointCountsAsAFailedAttempt() {
        emulator.webhooks().endpoints(List.of("http://127.0.0.1:1/nothing-listens-here"));
        emulator.createTeam("Nowhere");
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (emulator.webhooks().attempts().size() < 3 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertThat(emulator.webhooks().attempts()).hasSize(3).allMatch(a -> a.status() == 0);
    }

    @Test
    void nothingIsDeliveredWithoutASecret() {
        emulator.webhooks().secret(null);
        emulator.createTeam("Silent");
        assertThat(emulator.webhooks().pending()).isZero();
        assertThat(emulator.webhooks().attempts()).isEmpty();
        assertThatThrownBy(() -> emulator.webhooks().secret("whsec_not*base64"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void endpointCanBeSetOverHttpWithServerAccess() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String body = "{\"url\":\"http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks/other\"}";
        HttpRequest.Builder put = HttpRequest.newBuilder(URI.create(emulator.apiUrl() + "/emulator/webhook-endpoints"))
                .header("content-type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body));
        assertThat(http.send(put.build(), HttpResponse.BodyHandlers.ofString()).statusCode()).isBetween(400, 499);
        HttpResponse<String> answer = http.send(put.header("x-hexclave-access-type", "server")
                .header("x-hexclave-project-id", emulator.projectId())
                .header("x-hexclave-secret-server-key", emulator.secretServerKey()).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(emulator.webhooks().endpoints()).containsExactly(
                "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks/other");
    }

    @Test
    void standaloneRunnerTakesWebhookOptions() {
        assertThatThrownBy(() -> StandaloneEmulator.Options.parse("--webhook-url", "http://127.0.0.1:9/h"))
                .hasMessageContaining("--webhook-secret");
        StandaloneEmulator.Options o = StandaloneEmulator.Options.parse("--port", "0", "--webhook-url",
                "http://127.0.0.1:9/h", "--webhook-secret", secret);
        try (HexclaveEmulator started = StandaloneEmulator.start(o)) {
            assertThat(started.webhooks().endpoints()).containsExactly("http://127.0.0.1:9/h");
        }
        assertThat(o.toString()).doesNotContain(secret.substring(6));
    }
}
