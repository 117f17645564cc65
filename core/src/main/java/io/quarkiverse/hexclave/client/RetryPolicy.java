package io.quarkiverse.hexclave.client;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * When the client repeats a call: only idempotent methods ({@code GET}, {@code HEAD}, {@code PUT}, {@code DELETE}),
 * only after a connection failure, a timeout, 429, 502, 503 or 504, at most {@code maxRetries} times. Hexclave has
 * no idempotency keys, so {@code POST} and {@code PATCH} are never repeated.
 * <p>
 * The wait before retry {@code n} (0-based) is {@code min(maxDelay, initialDelay × 2ⁿ)}, jittered down to half of
 * that at random; a {@code Retry-After} header replaces it, up to {@code maxRetryAfter} (a longer demand ends the
 * retries). Waiting goes through a {@link Delayer}, which tests replace with {@link Delayer#NONE}.
 *
 * @param maxRetries retries after the first attempt, 0 to 10 ({@code hexclave.client.max-retries})
 * @param initialDelay the first back-off
 * @param maxDelay the largest back-off
 * @param maxRetryAfter the longest {@code Retry-After} honoured
 * @param delayer how the client waits
 */
public record RetryPolicy(int maxRetries, Duration initialDelay, Duration maxDelay, Duration maxRetryAfter, Delayer delayer) {

    /** Waits without blocking a thread. */
    @FunctionalInterface
    public interface Delayer {
        /** Completes after {@code delay}. */
        CompletionStage<Void> delay(Duration delay);

        /** Waits on a timer, not on the calling thread. */
        Delayer TIMER = d -> CompletableFuture.runAsync(() -> {
        }, CompletableFuture.delayedExecutor(d.toMillis(), TimeUnit.MILLISECONDS));

        /** Does not wait at all (tests). */
        Delayer NONE = d -> CompletableFuture.completedFuture(null);
    }

    public RetryPolicy {
        if (maxRetries < 0 || maxRetries > 10) {
            throw new IllegalArgumentException("maxRetries must be between 0 and 10, got " + maxRetries);
        }
        Objects.requireNonNull(initialDelay, "initialDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        Objects.requireNonNull(maxRetryAfter, "maxRetryAfter");
        Objects.requireNonNull(delayer, "delayer");
    }

    /** {@code maxRetries} retries, 500 ms initial back-off, 8 s at most, {@code Retry-After} up to 60 s, timer waits. */
    public static RetryPolicy defaults(int maxRetries) {
        return new RetryPolicy(maxRetries, Duration.ofMillis(500), Duration.ofSeconds(8), Duration.ofSeconds(60),
                Delayer.TIMER);
    }

    /** No retries at all. */
    public static RetryPolicy none() {
        return defaults(0);
    }

    /** This policy with another way of waiting. */
    public RetryPolicy withDelayer(Delayer delayer) {
        return new RetryPolicy(maxRetries, initialDelay, maxDelay, maxRetryAfter, delayer);
    }

    /** The jittered exponential back-off before retry {@code retry} (0-based). */
    public Duration backoff(int retry) {
        long base = initialDelay.toMillis() << Math.min(retry, 20);
        long capped = Math.min(maxDelay.toMillis(), base);
        long jittered = capped / 2 + (capped / 2 == 0 ? 0 : ThreadLocalRandom.current().nextLong(capped / 2 + 1));
        return Duration.ofMillis(jittered);
    }

    /** Whether a response status is worth repeating an idempotent request for. */
    public static boolean retryableStatus(int status) {
        return status == 429 || status == 502 || status == 503 || status == 504;
    }
}
