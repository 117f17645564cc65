package io.quarkiverse.hexclave.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** JWKS faults break the JWKS endpoint, and only it, until reset; every JWKS request is counted. */
class JwksFaultsTest {

    private HexclaveEmulator emu;
    private EmulatorHttp http;
    private final HttpClient client = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        emu = HexclaveEmulator.builder().build().start();
        http = new EmulatorHttp(emu);
    }

    @AfterEach
    void stop() {
        emu.close();
    }

    private HttpResponse<String> fetch(Duration timeout) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create(emu.jwksUrl())).timeout(timeout).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void downClosesTheConnectionWithoutAResponse() {
        emu.faults().jwksDown();
        assertThatThrownBy(() -> fetch(Duration.ofSeconds(5))).isInstanceOf(IOException.class)
                .isNotInstanceOf(HttpTimeoutException.class);
        // the rest of the API keeps working
        assertThat(http.anonymous().get("/health").status()).isEqualTo(200);
    }

    @Test
    void statusFaultAnswersThatStatusInPlainText() throws Exception {
        emu.faults().jwksStatus(503);
        HttpResponse<String> r = fetch(Duration.ofSeconds(5));
        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(r.headers().firstValue("content-type")).hasValueSatisfying(v -> assertThat(v).startsWith("text/plain"));
        emu.faults().jwksStatus(500);
        assertThat(fetch(Duration.ofSeconds(5)).statusCode()).isEqualTo(500);
    }

    @Test
    void garbageIs200WithABodyThatIsNotJson() throws Exception {
        emu.faults().jwksGarbage();
        HttpResponse<String> r = fetch(Duration.ofSeconds(5));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThatThrownBy(() -> EmulatorHttp.JSON.readTree(r.body())).isInstanceOf(IOException.class);
    }

    @Test
    void slowDelaysTheAnswerAndTimesOutImpatientClients() throws Exception {
        emu.faults().jwksSlow(Duration.ofMillis(700));
        long start = System.nanoTime();
        assertThat(fetch(Duration.ofSeconds(5)).statusCode()).isEqualTo(200);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(700));
        assertThatThrownBy(() -> fetch(Duration.ofMillis(150))).isInstanceOf(HttpTimeoutException.class);
    }

    @Test
    void resetRestoresTheNormalJwks() throws Exception {
        emu.faults().jwksDown().jwksSlow(Duration.ofMillis(300));
        emu.faults().reset();
        long start = System.nanoTime();
        HttpResponse<String> r = fetch(Duration.ofSeconds(5));
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(EmulatorHttp.JSON.readTree(r.body()).get("keys")).hasSize(2);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(300));
    }

    @Test
    void everyJwksRequestIsCountedFaultedOrNot() throws Exception {
        assertThat(emu.jwksRequestCount()).isZero();
        fetch(Duration.ofSeconds(5));
        emu.faults().jwksStatus(500);
        fetch(Duration.ofSeconds(5));
        http.anonymous().get("/health");
        assertThat(emu.jwksRequestCount()).isEqualTo(2);
        emu.faults().jwksDown();
        try {
            fetch(Duration.ofSeconds(5));
        } catch (IOException expected) {
            // down
        }
        // the JDK client retries an idempotent GET once when the connection closes early: 1 or 2 more
        assertThat(emu.jwksRequestCount()).isBetween(3L, 4L);
        emu.resetJwksRequestCount();
        assertThat(emu.jwksRequestCount()).isZero();
    }

    @Test
    void knownErrorFaultAnswersEveryApiRequestWithItButNotTheKeys() throws Exception {
        EmulatedUser u = emu.createUser(NewUser.withEmail("k@example.com").build());
        emu.faults().apiKnownError(400, "WRONG_API_KEY_TYPE", "This endpoint is for user API keys.");
        EmulatorHttp.Reply reply = http.server().post("/user-api-keys/check", "{\"api_key\":\"anything\"}");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.code()).isEqualTo("WRONG_API_KEY_TYPE");
        assertThat(reply.header("x-hexclave-known-error")).isEqualTo("WRONG_API_KEY_TYPE");
        assertThat(http.server().get("/users/" + u.id()).status()).isEqualTo(400);
        assertThat(fetch(Duration.ofSeconds(5)).statusCode()).isEqualTo(200); // the keys stay available
        emu.faults().reset();
        assertThat(http.server().get("/users/" + u.id()).status()).isEqualTo(200);
    }

    @Test
    void faultArgumentsAreChecked() {
        assertThatThrownBy(() -> emu.faults().apiKnownError(200, "X", "x")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> emu.faults().apiKnownError(400, "not a code\n", "x"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> emu.faults().jwksStatus(99)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> emu.faults().jwksSlow(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void faultsDoNotBreakTokenUse() {
        emu.faults().jwksDown();
        EmulatedUser u = emu.createUser(NewUser.withEmail("f@example.com").build());
        assertThat(http.server().accessToken(emu.mintAccessToken(u)).get("/users/me").status()).isEqualTo(200);
    }

}
