package io.quarkiverse.hexclave.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.quarkiverse.hexclave.client.error.HexclaveConnectionException;

/**
 * The default {@link HexclaveTransport}: one JDK {@link HttpClient} (connection reuse, HTTP/1.1 or 2, no redirects)
 * with the configured connect timeout. Each request's {@link HexclaveRequest#timeout() timeout} bounds the whole
 * exchange, from sending the request to the last byte of the body: a server that sends its headers and then stalls
 * fails the call as a timeout, and the exchange is abandoned (the body subscription cancelled). Response bodies are read
 * as UTF-8 up to {@value #MAX_BODY_BYTES} bytes (or the limit given to {@link #JdkHttpTransport(HttpClient, long)}); a
 * longer one fails the call with a {@link HexclaveConnectionException}.
 * <p>
 * {@link #close()} releases what this transport created itself (its {@code HttpClient} and that client's executor);
 * a caller-supplied {@code HttpClient} is never closed.
 */
public final class JdkHttpTransport implements HexclaveTransport {

    /** Largest response body read: 16 MiB (Hexclave's answers are a few KiB; a page of 100 users well under 1 MiB). */
    public static final int MAX_BODY_BYTES = 16 * 1024 * 1024;

    private final HttpClient http;
    /** The executor of an {@code HttpClient} this transport created, or {@code null} for a caller's client. */
    private final ExecutorService ownedExecutor;
    private final long maxBodyBytes;

    /** A transport with its own {@link HttpClient} (and executor), released by {@link #close()}. */
    public JdkHttpTransport(Duration connectTimeout) {
        this(Objects.requireNonNull(connectTimeout, "connectTimeout"), ownExecutor(), MAX_BODY_BYTES);
    }

    private JdkHttpTransport(Duration connectTimeout, ExecutorService executor, long maxBodyBytes) {
        this(HttpClient.newBuilder().connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NEVER)
                .executor(executor).build(), executor, maxBodyBytes);
    }

    /** A transport over a caller-configured {@link HttpClient} (proxy, TLS, executor); {@link #close()} leaves it open. */
    public JdkHttpTransport(HttpClient http) {
        this(Objects.requireNonNull(http, "http"), null, MAX_BODY_BYTES);
    }

    /**
     * A transport over a caller-configured {@link HttpClient} reading at most {@code maxBodyBytes} of a body;
     * {@link #close()} leaves the client open.
     */
    public JdkHttpTransport(HttpClient http, long maxBodyBytes) {
        this(Objects.requireNonNull(http, "http"), null, maxBodyBytes);
        if (maxBodyBytes <= 0) {
            throw new IllegalArgumentException("maxBodyBytes must be positive, got " + maxBodyBytes);
        }
    }

    private JdkHttpTransport(HttpClient http, ExecutorService ownedExecutor, long maxBodyBytes) {
        this.http = http;
        this.ownedExecutor = ownedExecutor;
        this.maxBodyBytes = maxBodyBytes;
    }

    /** A transport with its own client reading at most {@code maxBodyBytes} of a body (tests). */
    static JdkHttpTransport withBodyLimit(Duration connectTimeout, long maxBodyBytes) {
        return new JdkHttpTransport(connectTimeout, ownExecutor(), maxBodyBytes);
    }

    /** The executor this transport owns, or {@code null} (tests). */
    ExecutorService ownedExecutor() {
        return ownedExecutor;
    }

    @Override
    public CompletionStage<HexclaveResponse> send(HexclaveRequest request) {
        CompletableFuture<HttpResponse<String>> sent;
        AtomicReference<LimitedBody> body = new AtomicReference<>();
        try {
            HttpRequest jdkRequest;
            try {
                HttpRequest.Builder b = HttpRequest.newBuilder(request.uri()).timeout(request.timeout());
                request.headers().forEach(b::header);
                b.method(request.method(), request.bodyBytes().map(HttpRequest.BodyPublishers::ofByteArray)
                        .orElseGet(HttpRequest.BodyPublishers::noBody));
                jdkRequest = b.build();
            } catch (IllegalArgumentException e) {
                // The JDK's message quotes the offending header value, which may be a key or a token: replaced, and
                // the JDK exception is not kept as the cause.
                return CompletableFuture.failedFuture(HexclaveTransport.invalidHeader(request));
            }
            sent = http.sendAsync(jdkRequest, info -> {
                LimitedBody subscriber = new LimitedBody(maxBodyBytes);
                body.set(subscriber);
                return subscriber;
            });
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(failure(request, e));
        }
        CompletableFuture<HexclaveResponse> result = sent.handle((response, error) -> {
            if (error != null) {
                // Cancelling an over-long body may surface as the JDK's own IOException: the subscriber knows why.
                LimitedBody subscriber = body.get();
                throw new CompletionException(failure(request,
                        subscriber != null && subscriber.exceeded ? new BodyTooLargeException(maxBodyBytes) : error));
            }
            return new HexclaveResponse(response.statusCode(), response.headers().map(), response.body());
        });
        // The JDK's request timeout stops at the headers: this deadline covers the body too. orTimeout cancels its
        // timer once the exchange is done, so finished calls leave nothing scheduled.
        return result.orTimeout(request.timeout().toMillis(), TimeUnit.MILLISECONDS).handle((response, error) -> {
            if (error == null) {
                return response;
            }
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            if (!(cause instanceof TimeoutException)) {
                throw error instanceof CompletionException c ? c : new CompletionException(error);
            }
            HexclaveConnectionException timedOut = failure(request, new ExchangeTimeoutException(request.timeout()));
            LimitedBody subscriber = body.get();
            if (subscriber != null) {
                subscriber.abort(timedOut); // cancels the body subscription: the JDK drops the connection
            }
            sent.cancel(true);
            throw new CompletionException(timedOut);
        });
    }

    /**
     * Releases the {@code HttpClient} this transport created: on Java 21+ it is {@link AutoCloseable} and closed, and
     * its executor is shut down. A caller-supplied client is left alone. Calls still running may fail.
     */
    @Override
    public void close() {
        if (ownedExecutor == null) {
            return;
        }
        if (http instanceof AutoCloseable closeable) { // Java 21+
            try {
                closeable.close();
            } catch (Exception ignored) {
                // closing is best effort: the executor is shut down below anyway
            }
        }
        ownedExecutor.shutdownNow();
    }

    private static ExecutorService ownExecutor() {
        AtomicInteger count = new AtomicInteger();
        return Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "hexclave-http-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    private static HexclaveConnectionException failure(HexclaveRequest request, Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        boolean timeout = cause instanceof HttpTimeoutException || cause instanceof ExchangeTimeoutException;
        String what = cause instanceof HttpConnectTimeoutException ? "connect timeout"
                : timeout ? "no complete response within " + request.timeout()
                : tooLarge(cause) ? HexclaveTransport.bodyTooLarge(limitOf(cause))
                : cause instanceof IOException ? "connection failed (" + cause.getClass().getSimpleName() + ")"
                : "request failed (" + cause.getClass().getSimpleName() + ")";
        return HexclaveTransport.failure(request, what, timeout, cause);
    }

    private static boolean tooLarge(Throwable error) {
        return limitOf(error) >= 0;
    }

    /** The limit of a {@link BodyTooLargeException} in the cause chain (the JDK may wrap it), or -1. */
    private static long limitOf(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof BodyTooLargeException b) {
                return b.limit;
            }
        }
        return -1;
    }

    /** The body was longer than the transport reads. */
    static final class BodyTooLargeException extends IOException {
        private static final long serialVersionUID = 1L;
        private final long limit;

        BodyTooLargeException(long limit) {
            super(HexclaveTransport.bodyTooLarge(limit));
            this.limit = limit;
        }
    }

    /** The whole exchange (headers and body) took longer than the request's timeout. */
    static final class ExchangeTimeoutException extends IOException {
        private static final long serialVersionUID = 1L;

        ExchangeTimeoutException(Duration timeout) {
            super("no complete response within " + timeout);
        }
    }

    /** Collects a body as UTF-8, cancelling the exchange as soon as it grows past the limit. */
    private static final class LimitedBody implements HttpResponse.BodySubscriber<String> {
        private final long limit;
        private final CompletableFuture<String> result = new CompletableFuture<>();
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private volatile Flow.Subscription subscription;
        private volatile boolean aborted;
        private volatile boolean exceeded;

        LimitedBody(long limit) {
            this.limit = limit;
        }

        @Override
        public CompletionStage<String> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            if (aborted) {
                subscription.cancel();
                return;
            }
            subscription.request(Long.MAX_VALUE);
        }

        /** Gives up on the body: fails it with {@code why} and cancels the subscription (now or once it arrives). */
        void abort(Throwable why) {
            aborted = true;
            result.completeExceptionally(why);
            Flow.Subscription s = subscription;
            if (s != null) {
                s.cancel();
            }
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            if (result.isDone()) {
                return;
            }
            for (ByteBuffer item : items) {
                if (bytes.size() + (long) item.remaining() > limit) {
                    exceeded = true;
                    result.completeExceptionally(new BodyTooLargeException(limit));
                    subscription.cancel();
                    return;
                }
                byte[] chunk = new byte[item.remaining()];
                item.get(chunk);
                bytes.write(chunk, 0, chunk.length);
            }
        }

        @Override
        public void onError(Throwable error) {
            result.completeExceptionally(error);
        }

        @Override
        public void onComplete() {
            result.complete(bytes.toString(StandardCharsets.UTF_8));
        }
    }
}
