package io.quarkiverse.hexclave.testsupport;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A loopback JWKS endpoint for verifier tests, at {@code /api/v1/projects/{id}/.well-known/jwks.json}, publishing keys
 * per user class as Hexclave does (normal keys; with {@code include_restricted=true} also the restricted ones; with
 * {@code include_anonymous=true} also the restricted and anonymous ones), with faults:
 * down (the connection is closed without an answer), slow, an HTTP status, garbage. Counts requests and remembers their
 * query strings.
 */
public final class JwksServer implements AutoCloseable {

    public enum Fault {
        NONE, DOWN, STATUS_500, GARBAGE, EMPTY_KEYS, SLOW
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<TestKey> keys = new CopyOnWriteArrayList<>();
    private final List<TestKey> restrictedKeys = new CopyOnWriteArrayList<>();
    private final List<TestKey> anonymousKeys = new CopyOnWriteArrayList<>();
    private final List<String> queries = new CopyOnWriteArrayList<>();
    private final AtomicInteger requests = new AtomicInteger();
    private volatile Fault fault = Fault.NONE;
    private volatile Duration delay = Duration.ZERO;
    private volatile String cacheControl = "public, max-age=3600";
    private volatile String rawBody;

    public JwksServer(String projectId, TestKey... initialKeys) {
        keys.addAll(List.of(initialKeys));
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.setExecutor(executor);
        server.createContext("/api/v1/projects/" + projectId + "/.well-known/jwks.json", this::handle);
        server.start();
    }

    public String apiUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The keys published for restricted users only. */
    public JwksServer restrictedKeys(TestKey... newKeys) {
        restrictedKeys.clear();
        restrictedKeys.addAll(List.of(newKeys));
        return this;
    }

    /** The keys published for anonymous users only. */
    public JwksServer anonymousKeys(TestKey... newKeys) {
        anonymousKeys.clear();
        anonymousKeys.addAll(List.of(newKeys));
        return this;
    }

    /** The keys published for normal users. */
    public void keys(TestKey... newKeys) {
        keys.clear();
        keys.addAll(List.of(newKeys));
    }

    public void fault(Fault fault) {
        this.fault = fault;
    }

    public void slow(Duration delay) {
        this.delay = delay;
        this.fault = Fault.SLOW;
    }

    /** Answers 200 with exactly this body from now on ({@code null}: the key set again). */
    public void rawBody(String body) {
        this.rawBody = body;
    }

    public void cacheControl(String value) {
        this.cacheControl = value;
    }

    public int requests() {
        return requests.get();
    }

    public List<String> queries() {
        return List.copyOf(queries);
    }

    private void handle(HttpExchange exchange) throws IOException {
        requests.incrementAndGet();
        queries.add(String.valueOf(exchange.getRequestURI().getRawQuery()));
        try (exchange) {
            switch (fault) {
                case DOWN -> {
                    exchange.getResponseBody().close(); // closes without a status line
                    return;
                }
                case STATUS_500 -> {
                    send(exchange, 500, "text/plain", "Internal server error");
                    return;
                }
                case GARBAGE -> {
                    send(exchange, 200, "application/json", "{\"keys\": \"<html>not a key set</html>\"");
                    return;
                }
                case EMPTY_KEYS -> {
                    send(exchange, 200, "application/json", "{\"keys\":[]}");
                    return;
                }
                case SLOW -> sleep(delay);
                default -> {
                }
            }
            if (rawBody != null) {
                send(exchange, 200, "application/json", rawBody);
                return;
            }
            String query = String.valueOf(exchange.getRequestURI().getRawQuery());
            List<TestKey> published = new java.util.ArrayList<>(keys);
            if (query.contains("include_restricted=true") || query.contains("include_anonymous=true")) {
                published.addAll(restrictedKeys);
            }
            if (query.contains("include_anonymous=true")) {
                published.addAll(anonymousKeys);
            }
            String body = published.stream().map(TestKey::publicJson).collect(Collectors.joining(",", "{\"keys\":[", "]}"));
            if (cacheControl != null) {
                exchange.getResponseHeaders().add("Cache-Control", cacheControl);
            }
            send(exchange, 200, "application/json", body);
        }
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
