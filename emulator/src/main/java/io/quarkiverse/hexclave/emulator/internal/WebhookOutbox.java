package io.quarkiverse.hexclave.emulator.internal;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkiverse.hexclave.emulator.WebhookAttempt;
import io.quarkiverse.hexclave.emulator.WebhookSignature;

/**
 * Delivers the project's events as Hexclave does through Svix (wire reference §12): {@code POST {"type", "data"}},
 * signed with {@link WebhookSignature}, a message id stable across retries and a fresh timestamp per attempt. A failed
 * attempt (non-2xx or no answer) is retried after each of the retry delays in turn, then given up (bounded). Events are
 * queued in order on one daemon thread; the data is rendered when the event is first sent, under the store's lock, so
 * that it shows the state at the end of the operation that emitted it.
 */
public final class WebhookOutbox {

    /** Retry delays of the emulator (Svix's own span a day): 1 s, 2 s, 4 s, 8 s, 16 s. */
    public static final List<Duration> DEFAULT_RETRY_DELAYS = List.of(Duration.ofSeconds(1), Duration.ofSeconds(2),
            Duration.ofSeconds(4), Duration.ofSeconds(8), Duration.ofSeconds(16));
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final int MAX_ATTEMPTS_KEPT = 1000;

    private final Object store;
    private final Clock clock;
    private final List<String> endpoints = new CopyOnWriteArrayList<>();
    private final List<WebhookAttempt> attempts = new CopyOnWriteArrayList<>();
    private final AtomicInteger pending = new AtomicInteger();
    private volatile String secret;
    private volatile List<Duration> retryDelays = DEFAULT_RETRY_DELAYS;
    private ScheduledExecutorService executor;
    private HttpClient http;

    public WebhookOutbox(Object storeLock, Clock clock) {
        this.store = storeLock;
        this.clock = clock;
    }

    public void secret(String secret) {
        if (secret != null) {
            WebhookSignature.sign(secret, "check", 0, new byte[0]); // fails now on a malformed secret
        }
        this.secret = secret;
    }

    public void retryDelays(List<Duration> delays) {
        this.retryDelays = List.copyOf(delays);
    }

    public List<String> endpoints() {
        return List.copyOf(endpoints);
    }

    public void addEndpoint(String url) {
        URI.create(Objects.requireNonNull(url, "url"));
        if (!endpoints.contains(url)) {
            endpoints.add(url);
        }
    }

    public void replaceEndpoints(List<String> urls) {
        urls.forEach(URI::create);
        endpoints.clear();
        endpoints.addAll(urls);
    }

    public List<WebhookAttempt> attempts() {
        return List.copyOf(attempts);
    }

    /** Deliveries queued or waiting for a retry. */
    public int pending() {
        return pending.get();
    }

    /** Queues an event for every endpoint; nothing happens without a secret or an endpoint. */
    public void emit(String type, Supplier<ObjectNode> data) {
        String s = secret;
        if (s == null || endpoints.isEmpty()) {
            return;
        }
        List<String> targets = List.copyOf(endpoints);
        Message message = new Message("msg_" + Randoms.base32(24), type, data);
        for (String endpoint : targets) {
            pending.incrementAndGet();
            executor().execute(() -> attempt(message, endpoint, 1));
        }
    }

    private synchronized ScheduledExecutorService executor() {
        if (executor == null) {
            ScheduledThreadPoolExecutor e = new ScheduledThreadPoolExecutor(1, r -> {
                Thread t = new Thread(r, "hexclave-emulator-webhooks");
                t.setDaemon(true);
                return t;
            });
            e.setRemoveOnCancelPolicy(true);
            executor = e;
            http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
        }
        return executor;
    }

    private void attempt(Message message, String endpoint, int attempt) {
        String s = secret;
        int status = 0;
        if (s != null) {
            byte[] body = message.body();
            long timestamp = clock.instant().getEpochSecond();
            try {
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(endpoint)).timeout(TIMEOUT)
                        .header("content-type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body));
                WebhookSignature.headers(s, message.id, timestamp, body).forEach(request::header);
                status = http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                pending.decrementAndGet();
                return;
            } catch (Exception e) { // connection refused, timeout, bad URL: no answer, retried
                status = 0;
            }
        }
        record(new WebhookAttempt(message.id, message.type, endpoint, attempt, status, clock.instant()));
        List<Duration> delays = retryDelays;
        if (status >= 200 && status < 300 || attempt > delays.size() || s == null) {
            pending.decrementAndGet();
            return;
        }
        try {
            executor().schedule(() -> attempt(message, endpoint, attempt + 1), delays.get(attempt - 1).toMillis(),
                    TimeUnit.MILLISECONDS);
        } catch (RuntimeException e) { // shut down
            pending.decrementAndGet();
        }
    }

    private void record(WebhookAttempt a) {
        attempts.add(a);
        while (attempts.size() > MAX_ATTEMPTS_KEPT) {
            attempts.remove(0);
        }
    }

    public synchronized void stop() {
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    /** An event; its body is rendered once, at the first attempt. */
    private final class Message {
        final String id;
        final String type;
        private final Supplier<ObjectNode> data;
        private byte[] body;

        Message(String id, String type, Supplier<ObjectNode> data) {
            this.id = id;
            this.type = type;
            this.data = data;
        }

        synchronized byte[] body() {
            if (body == null) {
                ObjectNode node;
                synchronized (store) {
                    node = data.get();
                }
                body = Json.write(Json.object().put("type", type).set("data", node))
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
            }
            return body;
        }
    }
}
