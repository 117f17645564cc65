package io.quarkiverse.hexclave.runtime.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import io.quarkiverse.hexclave.client.HexclaveRequest;
import io.quarkiverse.hexclave.client.HexclaveResponse;
import io.quarkiverse.hexclave.client.HexclaveTransport;
import io.quarkiverse.hexclave.config.HexclaveConfigException;
import io.quarkus.proxy.ProxyConfiguration;
import io.quarkus.proxy.ProxyConfigurationRegistry;
import io.quarkus.proxy.ProxyType;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

/** Choosing the TLS and proxy configurations, and the threads the Vert.x transport completes on. */
class OutgoingHttpTest {

    private static final String PASSWORD = "proxy-password-never-shown";

    private static Vertx vertx;
    private static HttpServer server;

    @BeforeAll
    static void start() throws IOException {
        vertx = Vertx.vertx();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterAll
    static void stop() throws Exception {
        server.stop(0);
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void anUnknownTlsConfigurationNameNamesTheKey() {
        assertThatThrownBy(() -> OutgoingHttp.transport(vertx, Duration.ofSeconds(1), Optional.of("corp-ca"),
                Optional.empty(), TransportContractTest.NO_TLS, name -> Optional.empty()))
                .isInstanceOf(HexclaveConfigException.class)
                .satisfies(e -> assertThat(((HexclaveConfigException) e).key()).contains("http.tls-configuration-name"))
                .hasMessageContaining("\"corp-ca\", which is not defined");
    }

    @Test
    void anUnknownProxyNameNamesTheKeyAndNoneMeansNoProxy() {
        ProxyConfigurationRegistry registry = name -> {
            throw new IllegalStateException("Proxy configuration with name " + name.orElse("") + " was requested but "
                    + "quarkus.proxy.\"" + name.orElse("") + "\".host is not defined");
        };
        assertThatThrownBy(() -> OutgoingHttp.proxy(Optional.of("corp"), registry))
                .isInstanceOf(HexclaveConfigException.class)
                .satisfies(e -> assertThat(((HexclaveConfigException) e).key()).contains("http.proxy-configuration-name"))
                .hasMessageContaining("quarkus.proxy.\"corp\".host");

        assertThat(OutgoingHttp.proxy(Optional.of(ProxyConfigurationRegistry.NONE), registry)).isEmpty();
    }

    @Test
    void theProxyIsDescribedWithoutItsCredentials() {
        HexclaveTransport transport = OutgoingHttp.transport(vertx, Duration.ofSeconds(1), Optional.empty(),
                Optional.empty(), TransportContractTest.NO_TLS,
                name -> Optional.of(proxy("proxy.example.com", 3128, List.of("localhost", "*.internal"))));
        try {
            assertThat(transport.toString()).isEqualTo("VertxTransport[tls=<JVM default trust store>, "
                    + "proxy=HTTP proxy.example.com:3128 (with credentials), not for [localhost, *.internal]]");
            assertThat(transport.toString()).doesNotContain(PASSWORD).doesNotContain("alice");
        } finally {
            transport.close();
        }
    }

    @Test
    void aPlainHttpCallIsSentToTheProxyWithItsCredentials() throws Exception {
        // The loopback server plays the proxy: a proxied plain-HTTP request names the target in absolute form.
        List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        HttpServer proxy = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        proxy.createContext("/", exchange -> {
            seen.add(exchange.getRequestURI() + " " + exchange.getRequestHeaders().getFirst("Proxy-Authorization"));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        proxy.start();
        HexclaveTransport transport = OutgoingHttp.transport(vertx, Duration.ofSeconds(2), Optional.empty(),
                Optional.empty(), TransportContractTest.NO_TLS,
                name -> Optional.of(proxy("127.0.0.1", proxy.getAddress().getPort(), List.of())));
        try {
            HexclaveResponse response = transport.send(new HexclaveRequest("GET",
                    URI.create("http://hexclave.example.com/api/v1/users/me"), Map.of(), null, Duration.ofSeconds(5)))
                    .toCompletableFuture().get(10, TimeUnit.SECONDS);

            assertThat(response.status()).isEqualTo(204);
            assertThat(seen).containsExactly("http://hexclave.example.com/api/v1/users/me Basic "
                    + java.util.Base64.getEncoder().encodeToString(("alice:" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
        } finally {
            transport.close();
            proxy.stop(0);
        }
    }

    @Test
    void aCallStartedOnAnEventLoopCompletesOnThatEventLoop() throws Exception {
        HexclaveTransport transport = plain();
        try {
            Context context = vertx.getOrCreateContext();
            CompletableFuture<String[]> threads = new CompletableFuture<>();
            context.runOnContext(v -> {
                String caller = Thread.currentThread().getName();
                transport.send(get()).whenComplete((response, error) -> threads
                        .complete(new String[] { caller, Thread.currentThread().getName(), String.valueOf(error) }));
            });

            String[] t = threads.get(10, TimeUnit.SECONDS);
            assertThat(t[2]).isEqualTo("null");
            assertThat(t[0]).contains("eventloop");
            assertThat(t[1]).isEqualTo(t[0]);
        } finally {
            transport.close();
        }
    }

    @Test
    void aBlockingWaitOnAWorkerThreadOfAContextCompletes() throws Exception {
        HexclaveTransport transport = plain();
        try {
            Context context = vertx.getOrCreateContext();
            CompletableFuture<Integer> status = new CompletableFuture<>();
            context.runOnContext(v -> context.<Integer> executeBlocking(() -> {
                // A worker thread of the caller's context: the exchange runs on the context's event loop, free.
                HexclaveResponse r = transport.send(get()).toCompletableFuture().get(10, TimeUnit.SECONDS);
                return r.status();
            }).onComplete(r -> {
                if (r.succeeded()) {
                    status.complete(r.result());
                } else {
                    status.completeExceptionally(r.cause());
                }
            }));

            assertThat(status.get(15, TimeUnit.SECONDS)).isEqualTo(200);
        } finally {
            transport.close();
        }
    }

    private static HexclaveTransport plain() {
        return OutgoingHttp.transport(vertx, Duration.ofSeconds(2), Optional.empty(), Optional.empty(),
                TransportContractTest.NO_TLS, name -> Optional.empty());
    }

    private static HexclaveRequest get() {
        return new HexclaveRequest("GET", URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/x"),
                Map.of(), null, Duration.ofSeconds(5));
    }

    private static ProxyConfiguration proxy(String host, int port, List<String> nonProxyHosts) {
        return new ProxyConfiguration() {
            @Override
            public String host() {
                return host;
            }

            @Override
            public int port() {
                return port;
            }

            @Override
            public Optional<String> username() {
                return Optional.of("alice");
            }

            @Override
            public Optional<String> password() {
                return Optional.of(PASSWORD);
            }

            @Override
            public Optional<List<String>> nonProxyHosts() {
                return nonProxyHosts.isEmpty() ? Optional.empty() : Optional.of(nonProxyHosts);
            }

            @Override
            public Optional<Duration> proxyConnectTimeout() {
                return Optional.empty();
            }

            @Override
            public ProxyType type() {
                return ProxyType.HTTP;
            }
        };
    }
}
