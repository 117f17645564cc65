package io.quarkiverse.hexclave.verifier;

import java.net.URI;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * A snapshot of the JWKS cache, for health checks, the Dev UI and operators.
 *
 * @param uri the JWKS endpoint
 * @param keyIds the key ids currently held (empty before the first successful fetch)
 * @param fetchedAt when the keys held were fetched
 * @param expiresAt when they are due for a background refresh
 * @param fetches how many fetches were started since start-up
 * @param lastError a short description of the last failed fetch, if the last fetch failed
 * @param lastErrorAt when the last fetch failed
 */
public record JwksStatus(URI uri, Set<String> keyIds, Optional<Instant> fetchedAt, Optional<Instant> expiresAt,
        long fetches, Optional<String> lastError, Optional<Instant> lastErrorAt) {

    /** Whether keys are at hand (possibly stale). */
    public boolean hasKeys() {
        return !keyIds.isEmpty();
    }
}
