package io.quarkiverse.hexclave.samples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.LogRecord;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusDevModeTest;

/**
 * The README demo in dev mode: Dev Services start the emulator, the app logs a ready-to-paste curl command with a
 * fresh token of the demo user, and that command works; a live reload keeps the emulator (the printed token stays
 * valid) and does not print the command again.
 */
class DemoDevModeTest {

    static final int PORT = freePort();
    static final Pattern CURL = Pattern.compile("curl -H 'Authorization: Bearer (eyJ[\\w.-]+)' (http://\\S+)");

    @RegisterExtension
    static final QuarkusDevModeTest app = new QuarkusDevModeTest()
            .withApplicationRoot(jar -> jar
                    .addClasses(GreetingResource.class, RolesResource.class, ProfileResource.class,
                            ProfileResource.Profile.class, ProfileResource.SessionView.class)
                    .addAsResource(new StringAsset(demoProperties() + "\nquarkus.http.port=" + PORT + "\n"
                            // This harness runs dev mode on the test class path, where quarkus-test-security (brought
                            // by the testing artifact) adds test-only mechanisms; real dev mode leaves test scope out.
                            + "quarkus.arc.exclude-dependency.test-security.group-id=io.quarkus\n"
                            + "quarkus.arc.exclude-dependency.test-security.artifact-id=quarkus-test-security\n"),
                            "application.properties"))
            .setLogRecordPredicate(r -> r.getLoggerName().startsWith("io.quarkiverse.hexclave"));

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void printedCurlWorksAndSurvivesALiveReload() throws Exception {
        Matcher curl = awaitCurl();
        String token = curl.group(1);
        URI hello = URI.create(curl.group(2));
        assertThat(hello).isEqualTo(URI.create("http://localhost:" + PORT + "/hello"));

        assertThat(get(hello, token)).isEqualTo("200 Hello, Demo User");
        assertThat(get(hello, null)).startsWith("401");

        app.modifyResourceFile("application.properties", s -> s + "demo.greeting=Hi\n");

        assertThat(get(hello, token)).isEqualTo("200 Hi, Demo User");
        assertThat(app.getLogRecords()).filteredOn(r -> format(r).contains("curl -H")).hasSize(1);
        assertThat(app.getLogRecords()).filteredOn(r -> format(r).contains("embedded Hexclave emulator runs at"))
                .hasSize(1);
    }

    @Test
    void devUiCardMintsAndExplainsTokensOverJsonRpc() throws Exception {
        awaitCurl(); // started
        String minted = devUiCall("quarkus-hexclave_mintToken",
                "{\"email\":\"\",\"displayName\":\"Zed\",\"userClass\":\"NORMAL\"}");
        Matcher token = Pattern.compile("\"token\":\"(eyJ[\\w.-]+)\"").matcher(minted);
        assertThat(token.find()).as(minted).isTrue();
        URI hello = URI.create("http://localhost:" + PORT + "/hello");
        assertThat(get(hello, token.group(1))).endsWith(", Zed");

        String verdict = devUiCall("quarkus-hexclave_verifyToken", "{\"token\":\"Bearer " + token.group(1) + "x\"}");
        assertThat(verdict).contains("\"accepted\":false").contains("\"reason\":\"BAD_SIGNATURE\"");

        String config = devUiCall("quarkus-hexclave_effectiveConfig", "{}");
        assertThat(config).contains("\"emulator\":true").contains("…****").doesNotContain("ssk_emulator_");
    }

    /** One call of the Dev UI's JSON-RPC endpoint, as the card's web component makes it; answers the raw JSON. */
    private String devUiCall(String method, String params) throws Exception {
        java.util.concurrent.CompletableFuture<String> answer = new java.util.concurrent.CompletableFuture<>();
        StringBuilder text = new StringBuilder();
        List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.net.http.WebSocket ws = http.newWebSocketBuilder()
                .buildAsync(URI.create("ws://localhost:" + PORT + "/q/dev-ui/json-rpc-ws"),
                        new java.net.http.WebSocket.Listener() {
                            @Override
                            public java.util.concurrent.CompletionStage<?> onText(java.net.http.WebSocket socket,
                                    CharSequence data, boolean last) {
                                text.append(data);
                                if (last) {
                                    // compact "key" : value to "key":value (the Dev UI may pretty-print)
                                    String message = text.toString().replaceAll("\"\\s*:\\s*", "\":");
                                    text.setLength(0);
                                    seen.add(message.length() > 300 ? message.substring(0, 300) : message);
                                    if (message.contains("\"id\":4242")) {
                                        answer.complete(message);
                                    }
                                }
                                socket.request(1);
                                return null;
                            }
                        })
                .get(10, java.util.concurrent.TimeUnit.SECONDS);
        try {
            ws.sendText("{\"jsonrpc\":\"2.0\",\"id\":4242,\"method\":\"" + method + "\",\"params\":" + params + "}",
                    true);
            try {
                return answer.get(20, java.util.concurrent.TimeUnit.SECONDS);
            } catch (java.util.concurrent.TimeoutException e) {
                throw new AssertionError("no answer to " + method + "; received: " + seen, e);
            }
        } finally {
            ws.abort();
        }
    }

    private Matcher awaitCurl() throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(20);
        while (Instant.now().isBefore(deadline)) {
            List<LogRecord> records = app.getLogRecords();
            for (LogRecord r : records) {
                Matcher m = CURL.matcher(format(r));
                if (m.find()) {
                    return m;
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("dev mode logged no curl command; Hexclave log: " + app.getLogRecords().stream()
                .map(DemoDevModeTest::format).toList());
    }

    private String get(URI uri, String token) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return response.statusCode() + " " + response.body();
    }

    private static String format(LogRecord r) {
        Object[] p = r.getParameters();
        return p == null || p.length == 0 ? r.getMessage() : String.format(r.getMessage(), p);
    }

    /** The demo's own configuration (dev mode reads it from the application archive). */
    private static String demoProperties() {
        try {
            return Files.readString(Path.of("src/main/resources/application.properties"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
