package io.quarkiverse.hexclave.runtime.http;

import java.io.IOException;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import javax.net.ssl.SSLException;

import io.quarkiverse.hexclave.client.HexclaveRequest;
import io.quarkiverse.hexclave.client.HexclaveResponse;
import io.quarkiverse.hexclave.client.HexclaveTransport;
import io.quarkiverse.hexclave.client.JdkHttpTransport;
import io.quarkiverse.hexclave.client.error.HexclaveConnectionException;
import io.quarkiverse.hexclave.runtime.HexclaveRecorder;
import io.quarkus.runtime.BlockingOperationControl;
import io.quarkus.runtime.BlockingOperationNotAllowedException;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.VertxException;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.http.RequestOptions;

/**
 * The {@link HexclaveTransport} of a Quarkus application: one Vert.x {@link HttpClient} on the application's Vert.x
 * instance, with the rules of {@link JdkHttpTransport} (the contract test runs the same cases against both): the
 * request's {@link HexclaveRequest#timeout() timeout} bounds the whole exchange, from sending to the last byte of the
 * body, and a stalled exchange is reset; bodies are read as UTF-8 up to {@link JdkHttpTransport#MAX_BODY_BYTES};
 * redirects are never followed; header values are never part of a message.
 * <p>
 * Nothing here blocks. A call made on a Vert.x context (an event loop, or a worker thread serving a request) runs its
 * I/O on that context's event loop, and the returned stage completes there; a call made elsewhere gets a context of
 * its own. So the blocking forms of the client and the verifier, which wait for the stage, work on worker and virtual
 * threads and must not be called on an event loop (they would wait for the very thread they hold).
 */
final class VertxTransport implements HexclaveTransport {

    /** Connections kept per Hexclave host: key fetches are single-flight, API calls rarely more than a few at once. */
    static final int POOL_SIZE = 16;

    /** How long an idle connection is kept for the next call. */
    static final int KEEP_ALIVE_SECONDS = 60;

    /** Headers the transport sets itself, which the JDK client refuses from a caller too. */
    private static final Set<String> RESTRICTED_HEADERS = Set.of("connection", "content-length", "expect", "host",
            "upgrade");

    private final Vertx vertx;
    private final HttpClient http;
    private final long maxBodyBytes;
    private final String description;

    /**
     * A transport over {@code options} (TLS, proxy and connect timeout already set); HTTP/1.1 keep-alive, no
     * compression, no redirects.
     *
     * @param description what {@link #toString()} shows: never a password
     */
    VertxTransport(Vertx vertx, HttpClientOptions options, long maxBodyBytes, String description) {
        if (maxBodyBytes <= 0) {
            throw new IllegalArgumentException("maxBodyBytes must be positive, got " + maxBodyBytes);
        }
        this.vertx = Objects.requireNonNull(vertx, "vertx");
        this.maxBodyBytes = maxBodyBytes;
        this.description = description;
        // No metrics name: Quarkus' Micrometer binder creates no http.client.* meters for a client without one; the
        // extension's own meters count these calls by operation, ids replaced (a path holds user ids).
        options.setKeepAlive(true).setKeepAliveTimeout(KEEP_ALIVE_SECONDS).setTryUseCompression(false)
                .setMaxRedirects(0).setMetricsName("");
        this.http = vertx.createHttpClient(options, new PoolOptions().setHttp1MaxSize(POOL_SIZE));
    }

    @Override
    public CompletionStage<HexclaveResponse> send(HexclaveRequest request) {
        MultiMap headers;
        try {
            headers = headers(request);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(HexclaveTransport.invalidHeader(request));
        }
        Exchange exchange = new Exchange(request);
        try {
            exchange.start(new RequestOptions().setMethod(HttpMethod.valueOf(request.method()))
                    .setAbsoluteURI(request.uri().toString()).setFollowRedirects(false).setHeaders(headers));
        } catch (RuntimeException e) { // a closed client, an unsupported scheme
            exchange.fail(e);
        }
        return exchange.result;
    }

    /**
     * Quarkus' rule for blocking ({@link BlockingOperationControl}): not on an event loop. There the wait could only
     * time out, as the answer is delivered on that very event loop.
     */
    @Override
    public void checkBlockingAllowed() {
        if (!BlockingOperationControl.isBlockingAllowed()) {
            throw new BlockingOperationNotAllowedException("A blocking call to Hexclave was made on an event loop "
                    + "thread, which must stay free to deliver the answer: there, use the client's ...Async forms or "
                    + "MutinyHexclaveClient; or run the endpoint on a worker thread (a JAX-RS method returning a plain "
                    + "type, @Blocking, @RunOnVirtualThread)");
        }
    }

    /** Releases the Vert.x client (not the Vert.x instance, which the application owns). Calls running may fail. */
    @Override
    public void close() {
        http.close();
    }

    @Override
    public String toString() {
        return "VertxTransport[" + description + "]";
    }

    /** The request's headers, checked as the JDK client checks them. */
    private static MultiMap headers(HexclaveRequest request) {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap();
        request.headers().forEach((name, value) -> {
            if (!validName(name) || RESTRICTED_HEADERS.contains(name.toLowerCase(Locale.ROOT)) || !validValue(value)) {
                throw new IllegalArgumentException("invalid header");
            }
            headers.add(name, value);
        });
        return headers;
    }

    /** An RFC 9110 token, as the JDK client requires of a header name. */
    private static boolean validName(String name) {
        if (name.isEmpty()) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c > 127 || !(Character.isLetterOrDigit(c) || "!#$%&'*+-.^_`|~".indexOf(c) >= 0)) {
                return false;
            }
        }
        return true;
    }

    /** Visible characters, space, tab and obs-text: what the JDK client accepts in a header value (no CR, LF, NUL). */
    private static boolean validValue(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c > 0xFF || c == 0x7F || c < 0x20 && c != '\t') {
                return false;
            }
        }
        return true;
    }

    /** One call: the result, its deadline timer and the request to reset when it is abandoned. */
    private final class Exchange {
        private final HexclaveRequest request;
        private final CompletableFuture<HexclaveResponse> result = new CompletableFuture<>();
        private volatile long timer = -1;
        private volatile HttpClientRequest sent;

        Exchange(HexclaveRequest request) {
            this.request = request;
        }

        void start(RequestOptions options) {
            // The deadline covers connecting, sending, the headers and the body: a stalled server fails as a timeout.
            long id = vertx.setTimer(Math.max(1, request.timeout().toMillis()),
                    t -> fail(Abandoned.timedOut(request.timeout())));
            timer = id;
            if (result.isDone()) { // failed before the timer was known
                vertx.cancelTimer(id);
                return;
            }
            http.request(options).onComplete(created -> {
                if (created.failed()) {
                    fail(created.cause());
                    return;
                }
                HttpClientRequest req = created.result();
                sent = req;
                if (result.isDone()) { // timed out while connecting
                    req.reset();
                    return;
                }
                req.exceptionHandler(this::fail);
                var response = request.body() == null ? req.send() : req.send(Buffer.buffer(request.bodyBytes().get()));
                response.onComplete(answered -> {
                    if (answered.failed()) {
                        fail(answered.cause());
                    } else {
                        read(answered.result());
                    }
                });
            });
        }

        /** Collects the body as it arrives (on the request's context), resetting the exchange once it is too long. */
        private void read(HttpClientResponse response) {
            Buffer body = Buffer.buffer();
            response.exceptionHandler(this::fail);
            response.handler(chunk -> {
                if (result.isDone()) {
                    return;
                }
                if (body.length() + (long) chunk.length() > maxBodyBytes) {
                    fail(Abandoned.tooLarge(maxBodyBytes));
                    return;
                }
                body.appendBuffer(chunk);
            });
            response.endHandler(end -> {
                Map<String, List<String>> headers = new LinkedHashMap<>();
                for (String name : response.headers().names()) {
                    headers.put(name, response.headers().getAll(name));
                }
                if (result.complete(new HexclaveResponse(response.statusCode(), headers,
                        body.toString(StandardCharsets.UTF_8)))) {
                    vertx.cancelTimer(timer);
                }
            });
        }

        /** Fails the call once; later failures (the reset's own echo) are ignored. Resets an abandoned request. */
        void fail(Throwable error) {
            if (!result.completeExceptionally(failure(request, error))) {
                return;
            }
            long id = timer;
            if (id >= 0) {
                vertx.cancelTimer(id);
            }
            HttpClientRequest req = sent;
            if (req != null) {
                req.reset(); // closes an HTTP/1.1 connection mid-exchange: nothing more is read
            }
        }
    }

    /** The same wording as {@link JdkHttpTransport}'s failures, plus what went wrong in a TLS handshake. */
    static HexclaveConnectionException failure(HexclaveRequest request, Throwable error) {
        Abandoned abandoned = find(error, Abandoned.class);
        boolean connectTimeout = abandoned == null && find(error, io.netty.channel.ConnectTimeoutException.class) != null;
        boolean timeout = connectTimeout || abandoned != null && abandoned.timeout;
        SSLException tls = find(error, SSLException.class);
        String what = abandoned != null ? abandoned.getMessage()
                : connectTimeout ? "connect timeout"
                : tls != null ? tlsFailure(tls)
                : error instanceof IOException || error instanceof VertxException
                        ? "connection failed (" + shownName(error) + ")"
                        : "request failed (" + shownName(error) + ")";
        return HexclaveTransport.failure(request, what, timeout, error);
    }

    /**
     * What failed in a handshake, from the deepest cause ("unable to find valid certification path to requested
     * target", "No subject alternative names matching …"), and the key to set when the certificate was refused.
     */
    private static String tlsFailure(SSLException tls) {
        Throwable root = tls;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        boolean untrusted = find(tls, GeneralSecurityException.class) != null;
        return "TLS handshake failed (" + shownName(tls) + ": " + root.getMessage() + ")"
                + (untrusted ? "; if the server's certificate is right, trust its CA with a TLS configuration named by "
                        + HexclaveRecorder.PREFIX + OutgoingHttp.TLS_KEY : "");
    }

    private static <T extends Throwable> T find(Throwable error, Class<T> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    /**
     * The name a message shows: Netty's internal subclasses by their JDK parent ({@code ConnectException}, as the JDK
     * transport says), so that both transports name the same failure alike.
     */
    private static String shownName(Throwable error) {
        if (error instanceof ConnectException) {
            return ConnectException.class.getSimpleName();
        }
        Class<?> type = error.getClass();
        while (type.getName().startsWith("io.netty.") && type.getSuperclass() != null) {
            type = type.getSuperclass();
        }
        return type.getSimpleName();
    }

    /** The transport gave up on the exchange: its deadline passed, or the body grew past the limit. */
    static final class Abandoned extends IOException {
        private static final long serialVersionUID = 1L;
        private final boolean timeout;

        private Abandoned(String reason, boolean timeout) {
            super(reason, null);
            this.timeout = timeout;
        }

        static Abandoned timedOut(Duration timeout) {
            return new Abandoned("no complete response within " + timeout, true);
        }

        static Abandoned tooLarge(long limit) {
            return new Abandoned(HexclaveTransport.bodyTooLarge(limit), false);
        }
    }
}
