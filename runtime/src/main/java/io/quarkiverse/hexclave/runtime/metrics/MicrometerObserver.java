package io.quarkiverse.hexclave.runtime.metrics;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.http.Outcome;
import io.quarkiverse.hexclave.observe.HexclaveObserver;
import io.quarkiverse.hexclave.verifier.RejectionReason;

/**
 * The Micrometer meters of the extension (quarkus.adoc, "Metrics", lists them), registered in Micrometer's global
 * registry, to which quarkus-micrometer adds the application's registries. Tags carry only fixed values (outcomes,
 * {@link RejectionReason}s, operation templates, statuses): never a token or a user id. The verification counters are
 * registered up front, so that every reason shows, at zero, before it happens.
 */
public final class MicrometerObserver implements HexclaveObserver {

    static final String VERIFICATIONS = "hexclave.token.verifications";
    static final String CACHE = "hexclave.token.cache.lookups";
    static final String KEY_FETCHES = "hexclave.jwks.fetches";
    static final String API_CALLS = "hexclave.api.calls";

    private final MeterRegistry registry;
    private final Counter accepted;
    private final Counter keysUnavailable;
    private final Map<RejectionReason, Counter> rejected = new EnumMap<>(RejectionReason.class);
    private final Counter cacheHits;
    private final Counter cacheMisses;
    private final Timer fetched;
    private final Timer fetchFailed;
    private final Map<String, Timer> apiCalls = new ConcurrentHashMap<>();

    /** The observer of the global registry. */
    public static HexclaveObserver global() {
        return new MicrometerObserver(Metrics.globalRegistry);
    }

    MicrometerObserver(MeterRegistry registry) {
        this.registry = registry;
        this.accepted = verifications("accepted", "none");
        this.keysUnavailable = verifications("keys_unavailable", "none");
        for (RejectionReason reason : RejectionReason.values()) {
            rejected.put(reason, verifications("rejected", reason.name().toLowerCase(Locale.ROOT)));
        }
        this.cacheHits = cache("hit");
        this.cacheMisses = cache("miss");
        this.fetched = keyFetches("success");
        this.fetchFailed = keyFetches("failure");
    }

    @Override
    public void tokenAccepted() {
        accepted.increment();
    }

    @Override
    public void tokenRejected(RejectionReason reason) {
        rejected.get(reason).increment();
    }

    @Override
    public void keysUnavailable() {
        keysUnavailable.increment();
    }

    @Override
    public void verifiedTokenCacheLookup(boolean hit) {
        (hit ? cacheHits : cacheMisses).increment();
    }

    @Override
    public void keyFetch(boolean succeeded, Duration duration) {
        (succeeded ? fetched : fetchFailed).record(duration);
    }

    @Override
    public void apiCall(String operation, int status, Duration duration) {
        apiCalls.computeIfAbsent(operation + ' ' + status, k -> Timer.builder(API_CALLS)
                .description("Calls of Hexclave's API by operation (method and path template) and final status, "
                        + "retries included")
                .tags(Tags.of("operation", operation, "status", status == 0 ? "none" : Integer.toString(status))
                        .and(Outcome.forStatus(status).asTag()))
                .register(registry)).record(duration);
    }

    private Counter verifications(String outcome, String reason) {
        return Counter.builder(VERIFICATIONS)
                .description("Hexclave access tokens verified, by outcome (accepted, rejected, keys_unavailable) and "
                        + "rejection reason")
                .tags("outcome", outcome, "reason", reason).register(registry);
    }

    private Counter cache(String result) {
        return Counter.builder(CACHE).description("Lookups of the verified-token cache (repeated tokens), by result")
                .tags("result", result).register(registry);
    }

    private Timer keyFetches(String outcome) {
        return Timer.builder(KEY_FETCHES).description("Fetches of Hexclave's signing keys (JWKS), by outcome")
                .tags("outcome", outcome).register(registry);
    }
}
