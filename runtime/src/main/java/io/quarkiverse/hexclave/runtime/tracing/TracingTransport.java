package io.quarkiverse.hexclave.runtime.tracing;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.quarkiverse.hexclave.client.HexclaveRequest;
import io.quarkiverse.hexclave.client.HexclaveResponse;
import io.quarkiverse.hexclave.client.HexclaveTransport;
import io.quarkus.arc.Arc;

/**
 * Decorates the application's one {@link HexclaveTransport} (key fetches, token and API-key checks, the injectable
 * client) with OpenTelemetry: each HTTP request to Hexclave is a {@link SpanKind#CLIENT} span, child of the context
 * current where the call was made (the incoming request's server span), named by its low-cardinality operation
 * ({@code hexclave GET /users/{id}}, {@code hexclave GET /projects/{id}/.well-known/jwks.json}), with the attributes of
 * OpenTelemetry's HTTP client conventions; the configured propagators inject its context ({@code traceparent} …) into
 * the request's headers, replacing any the request had.
 * <p>
 * Used only when the application has quarkus-opentelemetry (decided at build time): without it, no class of
 * OpenTelemetry is loaded. The {@code OpenTelemetry} bean is looked up on the first request.
 * <p>
 * A retry of the same request is sent from a timer thread, where no context is current: it is parented like the first
 * attempt, and counted in {@code http.request.resend_count}. No attribute holds a header, a body or a query string
 * (they carry keys, tokens and e-mail addresses).
 */
public final class TracingTransport implements HexclaveTransport {

    static final String INSTRUMENTATION_SCOPE = "io.quarkiverse.hexclave";
    static final String JWKS_SUFFIX = "/.well-known/jwks.json";

    static final AttributeKey<String> HTTP_REQUEST_METHOD = AttributeKey.stringKey("http.request.method");
    static final AttributeKey<Long> HTTP_RESPONSE_STATUS_CODE = AttributeKey.longKey("http.response.status_code");
    static final AttributeKey<Long> HTTP_REQUEST_RESEND_COUNT = AttributeKey.longKey("http.request.resend_count");
    static final AttributeKey<String> SERVER_ADDRESS = AttributeKey.stringKey("server.address");
    static final AttributeKey<Long> SERVER_PORT = AttributeKey.longKey("server.port");
    static final AttributeKey<String> URL_FULL = AttributeKey.stringKey("url.full");
    static final AttributeKey<String> URL_TEMPLATE = AttributeKey.stringKey("url.template");
    static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");
    /** Hexclave's id of the request ({@code x-hexclave-request-id}), to find it in Hexclave's logs. */
    static final AttributeKey<String> HEXCLAVE_REQUEST_ID = AttributeKey.stringKey("hexclave.request_id");

    private final HexclaveTransport delegate;
    /** The parent context and attempt count of each request sent, by identity, while the request is in use. */
    private final Cache<HexclaveRequest, Sent> sent = Caffeine.newBuilder().weakKeys().build();
    private volatile Tracing tracing;

    private TracingTransport(HexclaveTransport delegate) {
        this.delegate = delegate;
    }

    /** {@code delegate}, each request traced. */
    public static HexclaveTransport around(HexclaveTransport delegate) {
        return new TracingTransport(delegate);
    }

    @Override
    public void checkBlockingAllowed() {
        delegate.checkBlockingAllowed();
    }

    @Override
    public CompletionStage<HexclaveResponse> send(HexclaveRequest request) {
        Tracing t = tracing();
        Sent first = sent.get(request, r -> new Sent(Context.current()));
        int resends = first.attempts.getAndIncrement();
        String operation = operation(request);
        var builder = t.tracer().spanBuilder(operation == null ? "hexclave " + request.method() : "hexclave " + operation)
                .setSpanKind(SpanKind.CLIENT).setParent(first.parent)
                .setAttribute(HTTP_REQUEST_METHOD, request.method());
        URI uri = request.uri();
        if (uri.getHost() != null) {
            builder.setAttribute(SERVER_ADDRESS, uri.getHost());
            builder.setAttribute(SERVER_PORT, (long) port(uri));
            builder.setAttribute(URL_FULL, uri.getScheme() + "://" + uri.getRawAuthority() + uri.getRawPath());
        }
        if (operation != null) {
            builder.setAttribute(URL_TEMPLATE, template(uri.getRawPath(), operation));
        }
        if (resends > 0) {
            builder.setAttribute(HTTP_REQUEST_RESEND_COUNT, (long) resends);
        }
        Span span = builder.startSpan();
        Context context = first.parent.with(span);
        Map<String, String> headers = new LinkedHashMap<>(request.headers());
        t.propagator().fields().forEach(field -> headers.keySet().removeIf(k -> k.equalsIgnoreCase(field)));
        t.propagator().inject(context, headers, (carrier, key, value) -> carrier.put(key, value));
        CompletableFuture<HexclaveResponse> answer;
        // Current while the delegate sends: an instrumented HTTP client below parents its own span on ours.
        try (Scope ignored = context.makeCurrent()) {
            answer = delegate.send(request.withHeaders(headers)).toCompletableFuture();
        } catch (RuntimeException e) {
            end(span, null, e);
            throw e;
        }
        CompletableFuture<HexclaveResponse> traced = answer.whenComplete((response, error) -> end(span, response, error));
        traced.whenComplete((response, error) -> {
            if (traced.isCancelled()) {
                answer.cancel(true); // a caller's deadline also ends the exchange
            }
        });
        return traced;
    }

    private static void end(Span span, HexclaveResponse response, Throwable error) {
        if (response != null) {
            span.setAttribute(HTTP_RESPONSE_STATUS_CODE, (long) response.status());
            response.hexclaveHeader("request-id").ifPresent(id -> span.setAttribute(HEXCLAVE_REQUEST_ID, id));
            if (response.status() >= 400) {
                span.setAttribute(ERROR_TYPE, Integer.toString(response.status()));
                span.setStatus(StatusCode.ERROR);
            }
        } else if (error != null) {
            Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
            span.setAttribute(ERROR_TYPE, cause.getClass().getName());
            span.setStatus(StatusCode.ERROR);
        }
        span.end();
    }

    /** The request's operation, {@code GET /users/{id}}; a key fetch's is its template; otherwise {@code null}. */
    static String operation(HexclaveRequest request) {
        if (request.operation() != null) {
            return request.operation();
        }
        return request.uri().getRawPath() != null && request.uri().getRawPath().endsWith(JWKS_SUFFIX)
                ? request.method() + " /projects/{id}" + JWKS_SUFFIX
                : null;
    }

    /**
     * The full path template: the request path's leading segments that the operation's template does not cover (the
     * API base, {@code /api/v1}), then the template's path.
     */
    static String template(String path, String operation) {
        String templatePath = operation.substring(operation.indexOf(' ') + 1);
        int segments = (int) templatePath.chars().filter(c -> c == '/').count();
        int cut = path.length();
        for (int i = 0; i < segments && cut > 0; i++) {
            cut = path.lastIndexOf('/', cut - 1);
        }
        return (cut > 0 ? path.substring(0, cut) : "") + templatePath;
    }

    private static int port(URI uri) {
        return uri.getPort() != -1 ? uri.getPort() : "https".equals(uri.getScheme().toLowerCase(Locale.ROOT)) ? 443 : 80;
    }

    private Tracing tracing() {
        Tracing t = tracing;
        if (t == null) {
            OpenTelemetry openTelemetry = Arc.container().instance(OpenTelemetry.class).get();
            t = new Tracing(openTelemetry.getTracer(INSTRUMENTATION_SCOPE),
                    openTelemetry.getPropagators().getTextMapPropagator());
            tracing = t;
        }
        return t;
    }

    private record Tracing(Tracer tracer, TextMapPropagator propagator) {
    }

    private static final class Sent {
        final Context parent;
        final AtomicInteger attempts = new AtomicInteger();

        Sent(Context parent) {
            this.parent = parent;
        }
    }
}
