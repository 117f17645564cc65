package io.quarkiverse.hexclave.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.quarkiverse.hexclave.client.HexclaveRequest;
import io.quarkiverse.hexclave.client.HexclaveResponse;
import io.quarkiverse.hexclave.client.HexclaveTransport;
import io.quarkiverse.hexclave.client.JdkHttpTransport;
import io.quarkiverse.hexclave.client.error.HexclaveConnectionException;
import io.quarkus.tls.TlsConfiguration;
import io.quarkus.tls.TlsConfigurationRegistry;
import io.vertx.core.Vertx;

/**
 * The {@link io.quarkiverse.hexclave.client.HexclaveTransport} contract, case by case, against the JDK transport of
 * plain Java and the Vert.x transport of Quarkus applications: what one does, the other does.
 */
class TransportContractTest {

    enum Kind {
        JDK,
        VERTX
    }

    private static final String SECRET = "ssk_contract_secret_0123456789";
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private static Vertx vertx;

    private HttpServer server;
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
    private final Map<String, String> received = new ConcurrentHashMap<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private final List<LogRecord> logs = new ArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            synchronized (logs) {
                logs.add(record);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private Level rootLevel;
    private HexclaveTransport transport;

    @BeforeAll
    static void startVertx() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stopVertx() throws Exception {
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::answer);
        server.start();
        Logger root = Logger.getLogger("");
        rootLevel = root.getLevel();
        root.setLevel(Level.ALL);
        capture.setLevel(Level.ALL);
        root.addHandler(capture);
    }

    @AfterEach
    void stop() {
        Logger root = Logger.getLogger("");
        root.removeHandler(capture);
        root.setLevel(rootLevel);
        release.countDown();
        if (transport != null) {
            transport.close();
        }
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
        synchronized (logs) {
            assertThat(logs).as("log records").noneMatch(r -> shows(r, SECRET));
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void successAndErrorStatusesComeBackWithHeadersAndUtf8Body(Kind kind) throws Exception {
        transport = open(kind);
        for (int status : new int[] { 200, 201, 400, 401, 404, 409, 429, 500, 502, 503 }) {
            HexclaveResponse response = call(get("/status/" + status));

            assertThat(response.status()).isEqualTo(status);
            assertThat(response.body()).isEqualTo("{\"status\":" + status + ",\"text\":\"é ✓ 日本\"}");
            assertThat(response.header("X-Hexclave-Request-Id")).contains("req-" + status);
            assertThat(response.hexclaveHeader("request-id")).contains("req-" + status);
        }
        HexclaveResponse empty = call(get("/status/204"));
        assertThat(empty.status()).isEqualTo(204);
        assertThat(empty.body()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void headersAndBodyAreSentAndNoHeaderValueIsLogged(Kind kind) throws Exception {
        transport = open(kind);
        HexclaveRequest request = new HexclaveRequest("POST", uri("/echo"),
                Map.of("x-hexclave-secret-server-key", SECRET, "content-type", "application/json", "accept",
                        "application/json"),
                "{\"display_name\":\"Zoë\"}", TIMEOUT);

        HexclaveResponse response = call(request);

        assertThat(response.status()).isEqualTo(200);
        assertThat(received).containsEntry("method", "POST").containsEntry("x-hexclave-secret-server-key", SECRET)
                .containsEntry("content-type", "application/json").containsEntry("body", "{\"display_name\":\"Zoë\"}");
        assertThat(request.toString()).doesNotContain(SECRET);
        assertThat(transport.toString()).doesNotContain(SECRET);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aHeaderValueHttpCannotCarryFailsWithoutShowingIt(Kind kind) {
        transport = open(kind);
        HexclaveRequest request = new HexclaveRequest("GET", uri("/status/200"),
                Map.of("x-hexclave-access-token", SECRET + "\r\nx-injected: 1"), null, TIMEOUT);

        Throwable error = failure(request);

        assertThat(error).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a header name or value is not valid in HTTP").hasNoCause();
        assertThat(error.getMessage()).doesNotContain(SECRET);
        assertThat(hits).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aRedirectIsReturnedNotFollowed(Kind kind) throws Exception {
        transport = open(kind);

        HexclaveResponse response = call(get("/redirect"));

        assertThat(response.status()).isEqualTo(302);
        assertThat(response.header("location")).contains(uri("/status/200").toString());
        assertThat(hits.get("/status/200")).isNull();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aRefusedConnectionIsAConnectionFailureNotATimeout(Kind kind) throws Exception {
        transport = open(kind);
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        HexclaveRequest request = new HexclaveRequest("GET",
                URI.create("http://127.0.0.1:" + closedPort + "/api/v1/users/me"), Map.of(), null, TIMEOUT);

        Throwable error = failure(request);

        assertThat(error).isInstanceOf(HexclaveConnectionException.class)
                .hasMessage("Hexclave call GET /api/v1/users/me failed: connection failed (ConnectException)");
        assertThat(((HexclaveConnectionException) error).timeout()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aServerThatStallsAfterItsHeadersFailsAsATimeoutWithinTheRequestTimeout(Kind kind) throws Exception {
        transport = open(kind);
        HexclaveRequest request = new HexclaveRequest("GET", uri("/stall-body"), Map.of(), null,
                Duration.ofMillis(700));

        long start = System.nanoTime();
        Throwable error = failure(request);
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

        assertThat(error).isInstanceOf(HexclaveConnectionException.class)
                .hasMessage("Hexclave call GET /stall-body failed: no complete response within PT0.7S");
        assertThat(((HexclaveConnectionException) error).timeout()).isTrue();
        assertThat(millis).isBetween(600L, 4000L);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aServerThatNeverAnswersFailsAsATimeout(Kind kind) throws Exception {
        transport = open(kind);
        try (ServerSocket silent = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Socket> accepted = CompletableFuture.supplyAsync(() -> {
                try {
                    return silent.accept(); // holds the connection, reads nothing, answers nothing
                } catch (IOException e) {
                    return null;
                }
            });
            HexclaveRequest request = new HexclaveRequest("GET",
                    URI.create("http://127.0.0.1:" + silent.getLocalPort() + "/silent"), Map.of(), null,
                    Duration.ofMillis(500));

            Throwable error = failure(request);

            assertThat(error).isInstanceOf(HexclaveConnectionException.class)
                    .hasMessage("Hexclave call GET /silent failed: no complete response within PT0.5S");
            assertThat(((HexclaveConnectionException) error).timeout()).isTrue();
            Socket s = accepted.getNow(null);
            if (s != null) {
                s.close();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aBodyOfExactlyTheLimitIsReadAndOneByteMoreFailsTheCall(Kind kind) throws Exception {
        transport = open(kind);

        HexclaveResponse atLimit = call(get("/bytes/" + JdkHttpTransport.MAX_BODY_BYTES));
        assertThat(atLimit.body()).hasSize(JdkHttpTransport.MAX_BODY_BYTES);

        Throwable error = failure(get("/bytes/" + (JdkHttpTransport.MAX_BODY_BYTES + 1)));
        assertThat(error).isInstanceOf(HexclaveConnectionException.class)
                .hasMessage("Hexclave call GET /bytes/" + (JdkHttpTransport.MAX_BODY_BYTES + 1)
                        + " failed: response body larger than " + JdkHttpTransport.MAX_BODY_BYTES + " bytes");
        assertThat(((HexclaveConnectionException) error).timeout()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void theTransportSendsEachRequestExactlyOnce(Kind kind) throws Exception {
        transport = open(kind);

        assertThat(call(get("/status/503")).status()).isEqualTo(503);
        assertThat(call(new HexclaveRequest("POST", uri("/status/500"), Map.of(), "{}", TIMEOUT)).status())
                .isEqualTo(500);

        assertThat(hits.get("/status/503")).hasValue(1);
        assertThat(hits.get("/status/500")).hasValue(1);
    }

    // ---------------------------------------------------------------------------------------------------------

    static HexclaveTransport open(Kind kind) {
        return switch (kind) {
            case JDK -> new JdkHttpTransport(Duration.ofSeconds(2));
            case VERTX -> OutgoingHttp.transport(vertx, Duration.ofSeconds(2), Optional.empty(), Optional.empty(),
                    NO_TLS, name -> Optional.empty());
        };
    }

    /** A registry without any TLS configuration: the JVM's trust store. */
    static final TlsConfigurationRegistry NO_TLS = new TlsConfigurationRegistry() {
        @Override
        public Optional<TlsConfiguration> get(String name) {
            return Optional.empty();
        }

        @Override
        public Optional<TlsConfiguration> getDefault() {
            return Optional.empty();
        }

        @Override
        public void register(String name, TlsConfiguration configuration) {
            throw new UnsupportedOperationException();
        }
    };

    private HexclaveResponse call(HexclaveRequest request) throws Exception {
        return transport.send(request).toCompletableFuture().get(20, TimeUnit.SECONDS);
    }

    private Throwable failure(HexclaveRequest request) {
        try {
            HexclaveResponse response = transport.send(request).toCompletableFuture().get(20, TimeUnit.SECONDS);
            throw new AssertionError("expected a failure, got " + response);
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private HexclaveRequest get(String path) {
        return new HexclaveRequest("GET", uri(path), Map.of("accept", "application/json"), null, TIMEOUT);
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
    }

    private static boolean shows(LogRecord r, String secret) {
        String text = r.getMessage() + " " + Arrays.toString(r.getParameters())
                + (r.getThrown() == null ? "" : " " + r.getThrown());
        return text.contains(secret);
    }

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
        try (exchange) {
            if (path.startsWith("/status/")) {
                int status = Integer.parseInt(path.substring("/status/".length()));
                exchange.getResponseHeaders().add("x-hexclave-request-id", "req-" + status);
                if (status == 204) {
                    exchange.sendResponseHeaders(204, -1);
                    return;
                }
                write(exchange, status, "{\"status\":" + status + ",\"text\":\"é ✓ 日本\"}");
            } else if (path.equals("/echo")) {
                received.put("method", exchange.getRequestMethod());
                exchange.getRequestHeaders().forEach((name, values) -> received.put(name.toLowerCase(), values.get(0)));
                received.put("body", new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
                write(exchange, 200, "{}");
            } else if (path.equals("/redirect")) {
                exchange.getResponseHeaders().add("location", uri("/status/200").toString());
                exchange.sendResponseHeaders(302, -1);
            } else if (path.equals("/stall-body")) {
                exchange.sendResponseHeaders(200, 100);
                exchange.getResponseBody().write("{\"partial".getBytes(StandardCharsets.UTF_8));
                exchange.getResponseBody().flush();
                release.await(30, TimeUnit.SECONDS); // the rest never comes while the test runs
            } else if (path.startsWith("/bytes/")) {
                int size = Integer.parseInt(path.substring("/bytes/".length()));
                exchange.sendResponseHeaders(200, size);
                OutputStream out = exchange.getResponseBody();
                byte[] chunk = new byte[64 * 1024];
                Arrays.fill(chunk, (byte) 'x');
                for (int left = size; left > 0; left -= chunk.length) {
                    out.write(chunk, 0, Math.min(left, chunk.length));
                }
            } else {
                write(exchange, 404, "{}");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the client gave up (a body too long, a timeout): nothing to answer
        }
    }

    private static void write(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("content-type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
