package io.quarkiverse.hexclave.verifier;

import java.util.concurrent.CompletionStage;

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
}
