package io.quarkiverse.hexclave.apikey;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;

import org.jboss.logging.Logger;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.quarkiverse.hexclave.client.ApiKeysApi;
import io.quarkiverse.hexclave.client.HexclaveClient;
import io.quarkiverse.hexclave.client.error.ApiKeyExpiredException;
import io.quarkiverse.hexclave.client.error.ApiKeyNotFoundException;
import io.quarkiverse.hexclave.client.error.ApiKeyNotValidException;
import io.quarkiverse.hexclave.client.error.ApiKeyRevokedException;
import io.quarkiverse.hexclave.client.error.WrongApiKeyTypeException;
import io.quarkiverse.hexclave.client.model.ApiKey;
import io.quarkiverse.hexclave.verifier.RejectionReason;

/**
 * Checks presented API keys with Hexclave ({@code POST /user-api-keys/check} for a key shaped as a user key,
 * {@code /team-api-keys/check} for a team key), through a cache.
 * <p>
 * The cache holds accepted and refused outcomes for {@link ApiKeySettings#cacheTtl()}, keyed by the SHA-256 digest
 * of the key (never the key), bounded to {@link ApiKeySettings#cacheSize()} entries. That lifetime is the
 * <em>revocation delay</em>: a key revoked in Hexclave keeps passing for up to that long, and a key created or
 * fixed meanwhile keeps failing; {@code 0} asks Hexclave on every request. Concurrent checks of one key share one
 * call (single flight), also with a lifetime of {@code 0}. "Hexclave unavailable" is never cached.
 * <p>
 * Thread-safe; one per application.
 */
public final class ApiKeyVerifier {

    private static final Logger LOG = Logger.getLogger(ApiKeyVerifier.class);

    private final HexclaveClient client;
    private final Clock clock;
    private final AsyncCache<String, ApiKeyCheck> cache;
    private final AtomicLong calls = new AtomicLong();

    /** A verifier asking Hexclave through {@code client} (which needs the secret server key). */
    public ApiKeyVerifier(HexclaveClient client, ApiKeySettings settings) {
        this(client, settings, Clock.systemUTC());
    }

    /** As {@link #ApiKeyVerifier(HexclaveClient, ApiKeySettings)}, with the clock that judges expiry. */
    public ApiKeyVerifier(HexclaveClient client, ApiKeySettings settings, Clock clock) {
        this.client = Objects.requireNonNull(client, "client");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.cache = Caffeine.newBuilder()
                .maximumSize(settings.cacheSize())
                .expireAfterWrite(settings.cacheTtl())
                .buildAsync();
    }

    /** The outcome if it is cached (no I/O, never blocks); empty when Hexclave must be asked. */
    public Optional<ApiKeyCheck> checkWithoutBlocking(PresentedApiKey key) {
        if (key.type().isEmpty()) {
            return Optional.of(new ApiKeyCheck.Refused(RejectionReason.API_KEY_INVALID));
        }
        CompletableFuture<ApiKeyCheck> cached = cache.getIfPresent(key.digest());
        return cached != null && cached.isDone() && !cached.isCompletedExceptionally()
                ? Optional.of(cached.join())
                : Optional.empty();
    }

    /**
     * Checks {@code key}; may block for one call to Hexclave (bounded by the client's timeouts).
     *
     * @throws IllegalStateException when Hexclave must be asked and the client's transport refuses the wait on this
     *         thread ({@link HexclaveClient#checkBlockingAllowed()}, e.g. an event loop)
     */
    public ApiKeyCheck check(PresentedApiKey key) {
        try {
            var check = checkAsync(key).toCompletableFuture();
            if (!check.isDone()) {
                client.checkBlockingAllowed();
            }
            return check.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new ApiKeyCheck.Unavailable("interrupted");
        } catch (ExecutionException e) {
            return new ApiKeyCheck.Unavailable(e.getCause() == null ? "failed" : e.getCause().getClass().getName());
        }
    }

    /** As {@link #check(PresentedApiKey)}, without blocking the caller. */
    public CompletionStage<ApiKeyCheck> checkAsync(PresentedApiKey key) {
        Optional<ApiKey.Type> type = key.type();
        if (type.isEmpty()) {
            return CompletableFuture.completedFuture(new ApiKeyCheck.Refused(RejectionReason.API_KEY_INVALID));
        }
        String digest = key.digest();
        CompletableFuture<ApiKeyCheck> outcome = cache.get(digest, (k, executor) -> ask(key, type.get()));
        return outcome.thenApply(check -> {
            if (check instanceof ApiKeyCheck.Unavailable) {
                cache.asMap().remove(digest, outcome); // never cached: the next request asks again
            }
            return check;
        });
    }

    /** How many times Hexclave was asked (for tests and metrics). */
    public long calls() {
        return calls.get();
    }

    private CompletableFuture<ApiKeyCheck> ask(PresentedApiKey key, ApiKey.Type type) {
        calls.incrementAndGet();
        ApiKeysApi api = type == ApiKey.Type.USER ? client.userApiKeys() : client.teamApiKeys();
        CompletionStage<ApiKey> call;
        try {
            call = api.checkAsync(key.value());
        } catch (RuntimeException e) {
            return CompletableFuture.completedFuture(outcomeOf(e));
        }
        return call.handle((checked, failure) -> failure != null ? outcomeOf(failure) : accepted(checked, type))
                .toCompletableFuture();
    }

    private ApiKeyCheck accepted(ApiKey key, ApiKey.Type asked) {
        Instant now = clock.instant();
        if (key.type() != asked) {
            return new ApiKeyCheck.Refused(RejectionReason.API_KEY_WRONG_TYPE);
        }
        if (key.isRevoked()) {
            return new ApiKeyCheck.Refused(RejectionReason.API_KEY_REVOKED);
        }
        if (!key.isValidAt(now)) {
            return new ApiKeyCheck.Refused(RejectionReason.API_KEY_EXPIRED);
        }
        return new ApiKeyCheck.Accepted(key);
    }

    private static ApiKeyCheck outcomeOf(Throwable failure) {
        Throwable f = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        if (f instanceof ApiKeyExpiredException) {
            return new ApiKeyCheck.Refused(RejectionReason.API_KEY_EXPIRED);
        }
        if (f instanceof ApiKeyRevokedException) {
            return new ApiKeyCheck.Refused(RejectionReason.API_KEY_REVOKED);
        }
        if (f instanceof WrongApiKeyTypeException) {
            return new ApiKeyCheck.Refused(RejectionReason.API_KEY_WRONG_TYPE);
        }
        if (f instanceof ApiKeyNotFoundException || f instanceof ApiKeyNotValidException) {
            return new ApiKeyCheck.Refused(RejectionReason.API_KEY_INVALID);
        }
        // Unreachable, a server error, or a refusal of our own server key: not the caller's fault.
        LOG.debugf("Hexclave could not check an API key: %s", f.getClass().getName());
        return new ApiKeyCheck.Unavailable(f.getClass().getName());
    }
}
