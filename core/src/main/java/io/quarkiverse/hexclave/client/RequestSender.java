package io.quarkiverse.hexclave.client;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.quarkiverse.hexclave.client.HexclaveRequest;
import io.quarkiverse.hexclave.client.HexclaveTransport;
import io.quarkiverse.hexclave.client.RetryPolicy;
import io.quarkiverse.hexclave.client.error.HexclaveApiException;
import io.quarkiverse.hexclave.client.error.HexclaveConnectionException;
import io.quarkiverse.hexclave.config.HexclaveConfigException;
import io.quarkiverse.hexclave.config.HexclaveSettings;
import io.quarkiverse.hexclave.config.Secret;
import io.quarkiverse.hexclave.observe.HexclaveObserver;

/**
 * Turns an {@link ApiCall} into a {@link HexclaveRequest} with the right headers, sends it with retries, and
 * completes with the response when its real status is below 400, or with the mapped exception otherwise. The one
 * code path of every call: blocking methods {@link #await(CompletionStage) await} the asynchronous result.
 */
final class RequestSender {

    private static final Logger LOG = Logger.getLogger(RequestSender.class);

    /** {@code java @hexclave/java@<version>}, the grammar Hexclave's telemetry parses (digits and dots only). */
    public static final String CLIENT_VERSION = "java @hexclave/java@" + version();

    /** How much later than the request's timeout an attempt is given up on if the transport never answers. */
    static final Duration ATTEMPT_GRACE = Duration.ofSeconds(1);

    private final HexclaveSettings settings;
    private final HexclaveTransport transport;
    private final RetryPolicy retryPolicy;
    private final HexclaveObserver observer;

    public RequestSender(HexclaveSettings settings, HexclaveTransport transport, RetryPolicy retryPolicy) {
        this(settings, transport, retryPolicy, HexclaveObserver.NONE);
    }

    /** As {@link #RequestSender(HexclaveSettings, HexclaveTransport, RetryPolicy)}, telling {@code observer} of each call. */
    public RequestSender(HexclaveSettings settings, HexclaveTransport transport, RetryPolicy retryPolicy,
            HexclaveObserver observer) {
        this.settings = settings;
        this.transport = transport;
        this.retryPolicy = retryPolicy;
        this.observer = HexclaveObserver.safe(observer);
    }

    public HexclaveSettings settings() {
        return settings;
    }

    /** Sends {@code call}; see the class comment. Misconfiguration (e.g. no secret server key) fails the stage. */
    public CompletableFuture<HexclaveResponse> send(ApiCall call) {
        return send(call, e -> false);
    }

    /**
     * As {@link #send(ApiCall)}, for a {@code DELETE} whose first attempt may have worked without its answer arriving
     * (a read timeout, a 502 from a proxy): on an attempt after the first, an error {@code alreadyDone} accepts
     * ("already gone") completes the stage with that response as a success.
     */
    public CompletableFuture<HexclaveResponse> send(ApiCall call, Predicate<HexclaveApiException> alreadyDone) {
        long start = System.nanoTime();
        HexclaveRequest request;
        try {
            request = toRequest(call);
        } catch (RuntimeException e) {
            observe(call, 0, start);
            return CompletableFuture.failedFuture(e);
        }
        CompletableFuture<HexclaveResponse> result = attempt(request, 0, alreadyDone);
        if (observer != HexclaveObserver.NONE) {
            result.whenComplete((response, error) -> observe(call, response != null ? response.status()
                    : unwrapped(error) instanceof HexclaveApiException api ? api.status() : 0, start));
        }
        return result;
    }

    private void observe(ApiCall call, int status, long start) {
        observer.apiCall(Operations.of(call.method(), call.path()), status, Duration.ofNanos(System.nanoTime() - start));
    }

    /**
     * Runs {@code call}, turning an exception it throws (a blank id, a {@code null} argument) into a failed stage, so
     * that {@code …Async} methods never throw; their blocking forms rethrow the same exception via {@link #await}.
     */
    public static <T> CompletableFuture<T> guard(Supplier<? extends CompletionStage<T>> call) {
        try {
            return call.get().toCompletableFuture();
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * A blocking call: asks the transport whether this thread may wait ({@link HexclaveTransport#checkBlockingAllowed()}),
     * then sends {@code call} and {@link #await awaits} it. Nothing is sent when the thread may not wait.
     */
    public <T> T blocking(java.util.function.Supplier<? extends CompletionStage<T>> call) {
        transport.checkBlockingAllowed();
        return await(call.get());
    }

    /**
     * Blocks for {@code stage}, rethrowing its exception unwrapped. Interruption fails with a connection exception.
     * The stages of {@link #send} always end: each attempt within its timeout (plus the connect timeout and a second),
     * a bounded number of retries, each wait capped by the {@link RetryPolicy}.
     */
    public static <T> T await(CompletionStage<T> stage) {
        CompletableFuture<T> future = stage.toCompletableFuture();
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            future.cancel(true);
            throw new HexclaveConnectionException("interrupted while waiting for Hexclave", false, e);
        } catch (ExecutionException e) {
            throw unwrap(e.getCause());
        }
    }

    /** The exception a failed stage carries, without {@code CompletionException} wrapping. */
    public static RuntimeException unwrap(Throwable error) {
        Throwable t = unwrapped(error);
        if (t instanceof Error e) {
            throw e;
        }
        return t instanceof RuntimeException r ? r
                : new HexclaveConnectionException("Hexclave call failed (" + t.getClass().getSimpleName() + ")", false, t);
    }

    private static Throwable unwrapped(Throwable error) {
        Throwable t = error;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    // -----------------------------------------------------------------------------------------------------------

    HexclaveRequest toRequest(ApiCall call) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("x-hexclave-project-id", settings.projectId());
        boolean server = switch (call.access()) {
            case SERVER -> true;
            case CLIENT -> false;
            case SERVER_IF_CONFIGURED -> settings.secretServerKey().isPresent();
        };
        if (server) {
            Secret key = settings.secretServerKey().orElseThrow(() -> new HexclaveConfigException(
                    HexclaveSettings.Keys.SECRET_SERVER_KEY, "Hexclave call " + call + " needs server access, but no "
                            + "secret server key is configured: set {key} (or the environment variable "
                            + "HEXCLAVE_SECRET_SERVER_KEY) to the project's secret server key (ssk_…)."));
            h.put("x-hexclave-access-type", "server");
            h.put("x-hexclave-secret-server-key", key.value());
        } else {
            h.put("x-hexclave-access-type", "client");
            settings.publishableClientKey().ifPresent(k -> h.put("x-hexclave-publishable-client-key", k));
        }
        if (call.accessToken() != null) {
            h.put("x-hexclave-access-token", call.accessToken().value());
        }
        if (call.refreshToken() != null) {
            h.put("x-hexclave-refresh-token", call.refreshToken().value());
        }
        if (call.allowUserClassHeaders()) {
            if (settings.allowRestrictedUsers()) {
                h.put("x-hexclave-allow-restricted-user", "true");
            }
            if (settings.allowAnonymousUsers()) {
                h.put("x-hexclave-allow-anonymous-user", "true");
            }
        }
        h.put("x-hexclave-client-version", CLIENT_VERSION);
        h.put("accept", "application/json");
        String body = null;
        if (call.body() != null) {
            h.put("content-type", "application/json");
            try {
                body = Json.MAPPER.writeValueAsString(call.body());
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("request body cannot be written as JSON: " + e.getOriginalMessage());
            }
        }
        h.forEach(RequestSender::checkHeaderValue);
        return new HexclaveRequest(call.method(), uri(call), h, body, settings.readTimeout(),
                Operations.of(call.method(), call.path()));
    }

    /**
     * Refuses a header value HTTP cannot carry (anything but visible ASCII, space and tab), naming the header and
     * never the value: the JDK's own error would quote it, and these headers carry keys and tokens.
     */
    static void checkHeaderValue(String name, String value) {
        for (int i = 0; i < value.length(); i++) {
            char ch = value.charAt(i);
            if (!(ch == ' ' || ch == '\t' || (ch >= 0x21 && ch <= 0x7e))) {
                throw new IllegalArgumentException("Hexclave request header " + name
                        + " has a value with characters HTTP headers cannot carry (control or non-ASCII characters,"
                        + " e.g. a line break); the value is not shown");
            }
        }
    }

    private URI uri(ApiCall call) {
        StringBuilder sb = new StringBuilder(settings.apiBaseUrl()).append(call.path());
        char sep = '?';
        for (Map.Entry<String, String> e : call.query().entrySet()) {
            sb.append(sep).append(encode(e.getKey())).append('=').append(encode(e.getValue()));
            sep = '&';
        }
        return URI.create(sb.toString());
    }

    /**
     * Percent-encodes one path segment (so an id can never add segments or a query); {@code .} and {@code ..} are
     * refused, since they would be resolved as dot-segments and name another resource.
     */
    public static String segment(String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("id must not be blank");
        }
        String id = value.strip();
        if (id.equals(".") || id.equals("..")) {
            throw new IllegalArgumentException("id must not be '.' or '..'");
        }
        return encode(id);
    }

    /** A query parameter value that must be given: stripped, or an {@code IllegalArgumentException} naming it. */
    public static String required(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        return value.strip();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private CompletableFuture<HexclaveResponse> attempt(HexclaveRequest request, int retry,
            Predicate<HexclaveApiException> alreadyDone) {
        long start = System.nanoTime();
        CompletableFuture<HexclaveResponse> sent;
        try {
            sent = transport.send(request).toCompletableFuture();
        } catch (RuntimeException e) {
            sent = CompletableFuture.failedFuture(e);
        }
        CompletableFuture<HexclaveResponse> transportFuture = sent;
        // Each attempt ends: JdkHttpTransport bounds the exchange by the request's timeout itself; this deadline, a
        // little later, also bounds a transport that never completes its stage. Retries are counted and their waits
        // capped, so the whole call, and every await() of it, ends.
        Duration deadline = request.timeout().plus(settings.connectTimeout()).plus(ATTEMPT_GRACE);
        return sent.copy().orTimeout(deadline.toMillis(), TimeUnit.MILLISECONDS).handle((response, error) -> {
            long millis = (System.nanoTime() - start) / 1_000_000;
            if (error != null) {
                RuntimeException failure;
                if (unwrapped(error) instanceof TimeoutException) {
                    transportFuture.cancel(true);
                    failure = new HexclaveConnectionException("Hexclave call " + request.method() + " "
                            + request.uri().getPath() + " failed: the transport gave no answer within " + deadline, true,
                            null);
                } else {
                    failure = unwrap(error);
                }
                if (failure instanceof HexclaveConnectionException && request.idempotent() && retry < retryPolicy.maxRetries()) {
                    Duration wait = retryPolicy.backoff(retry);
                    LOG.debugf("Hexclave call %s %s failed (%s); retry %d of %d in %d ms", request.method(),
                            request.uri().getPath(), failure.getMessage(), retry + 1, retryPolicy.maxRetries(), wait.toMillis());
                    return retryAfter(request, retry, wait, alreadyDone);
                }
                return CompletableFuture.<HexclaveResponse> failedFuture(failure);
            }
            int status = HexclaveErrors.effectiveStatus(response);
            LOG.debugf("Hexclave call %s %s -> %d in %d ms (request id %s)", request.method(), request.uri().getPath(),
                    status, millis, response.hexclaveHeader("request-id").orElse("none"));
            if (status >= 400) {
                // 429 means "not processed": any method may be repeated. Other statuses only for idempotent ones.
                boolean repeatable = status == 429 || request.idempotent();
                if (RetryPolicy.retryableStatus(status) && repeatable && retry < retryPolicy.maxRetries()) {
                    Optional<Duration> retryAfter = HexclaveErrors.retryAfter(response);
                    if (retryAfter.isPresent() && retryAfter.get().compareTo(retryPolicy.maxRetryAfter()) > 0) {
                        LOG.debugf("Hexclave asked to wait %s before retrying %s %s: longer than allowed, giving up",
                                retryAfter.get(), request.method(), request.uri().getPath());
                        return CompletableFuture.<HexclaveResponse> failedFuture(HexclaveErrors.toException(response));
                    }
                    Duration wait = retryAfter.orElseGet(() -> retryPolicy.backoff(retry));
                    LOG.debugf("Hexclave call %s %s got %d; retry %d of %d in %d ms", request.method(),
                            request.uri().getPath(), status, retry + 1, retryPolicy.maxRetries(), wait.toMillis());
                    return retryAfter(request, retry, wait, alreadyDone);
                }
                HexclaveApiException failure = HexclaveErrors.toException(response);
                if (retry > 0 && alreadyDone.test(failure)) {
                    LOG.debugf("Hexclave call %s %s: retry %d found the resource already gone (%d %s); an earlier "
                            + "attempt did it", request.method(), request.uri().getPath(), retry, status, failure.code());
                    return CompletableFuture.completedFuture(response);
                }
                return CompletableFuture.<HexclaveResponse> failedFuture(failure);
            }
            return CompletableFuture.completedFuture(response);
        }).thenCompose(f -> f);
    }

    private CompletableFuture<HexclaveResponse> retryAfter(HexclaveRequest request, int retry, Duration wait,
            Predicate<HexclaveApiException> alreadyDone) {
        return retryPolicy.delayer().delay(wait).toCompletableFuture()
                .thenCompose(v -> attempt(request, retry + 1, alreadyDone));
    }

    private static String version() {
        String v = RequestSender.class.getPackage() == null ? null : RequestSender.class.getPackage().getImplementationVersion();
        if (v == null) {
            return "0.0.0";
        }
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("^\\d+(\\.\\d+)*").matcher(v);
        return m.find() ? m.group() : "0.0.0";
    }
}
