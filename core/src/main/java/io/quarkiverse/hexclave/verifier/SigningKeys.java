package io.quarkiverse.hexclave.verifier;

import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The project's signing keys as a local verifier holds them: for readiness checks, the Dev UI and operators.
 */
public interface SigningKeys {

    /** A snapshot of the key cache. */
    JwksStatus status();

    /**
     * Fetches the keys now (for a readiness check or a warm-up), within the same rate limits as any fetch; completes
     * with the status afterwards, never exceptionally.
     */
    CompletionStage<JwksStatus> refresh();

    /**
     * {@link #refresh()}, waiting at most {@code wait} (readiness checks give it the connect plus read timeout): the
     * status afterwards, or the status at hand when the wait ends first or the thread is interrupted.
     */
    default JwksStatus refreshAndWait(Duration wait) {
        try {
            return refresh().toCompletableFuture().get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // reported through the status below
        }
        return status();
    }
}
