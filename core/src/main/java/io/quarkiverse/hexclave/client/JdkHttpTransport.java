package io.quarkiverse.hexclave.client;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

import io.quarkiverse.hexclave.client.error.HexclaveConnectionException;

/**
 * The default {@link HexclaveTransport}: one JDK {@link HttpClient} (connection reuse, HTTP/1.1 or 2, no redirects)
 * with the configured connect timeout; each request carries its own response timeout.
 */
public final class JdkHttpTransport implements HexclaveTransport {

    private final HttpClient http;

    /** A transport with its own {@link HttpClient}. */
    public JdkHttpTransport(Duration connectTimeout) {
        this(HttpClient.newBuilder().connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NEVER).build());
    }

    /** A transport over a caller-configured {@link HttpClient} (proxy, TLS, executor). */
    public JdkHttpTransport(HttpClient http) {
        this.http = http;
    }

    @Override
    public CompletionStage<HexclaveResponse> send(HexclaveRequest request) {
        HttpRequest.Builder b = HttpRequest.newBuilder(request.uri()).timeout(request.timeout());
        request.headers().forEach(b::header);
        b.method(request.method(), request.bodyBytes().map(HttpRequest.BodyPublishers::ofByteArray)
                .orElseGet(HttpRequest.BodyPublishers::noBody));
        CompletableFuture<HttpResponse<String>> sent;
        try {
            sent = http.sendAsync(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(failure(request, e));
        }
        return sent.handle((response, error) -> {
            if (error != null) {
                throw new CompletionException(failure(request, error));
            }
            return new HexclaveResponse(response.statusCode(), response.headers().map(), response.body());
        });
    }

    private static HexclaveConnectionException failure(HexclaveRequest request, Throwable error) {
        Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
        boolean timeout = cause instanceof HttpTimeoutException;
        String what = cause instanceof HttpConnectTimeoutException ? "connect timeout"
                : timeout ? "no response within " + request.timeout()
                : cause instanceof IOException ? "connection failed (" + cause.getClass().getSimpleName() + ")"
                : "request failed (" + cause.getClass().getSimpleName() + ")";
        // The URI holds no secret (keys and tokens travel in headers); the headers are never part of the message.
        return new HexclaveConnectionException("Hexclave call " + request.method() + " " + request.uri().getPath()
                + " failed: " + what, timeout, cause);
    }
}
