package io.quarkiverse.hexclave.observe;

import java.time.Duration;

import io.quarkiverse.hexclave.verifier.RejectionReason;

/**
 * Told what the verifier and the client do, for metrics: token verifications by outcome, the verified-token cache,
 * signing-key fetches and Hexclave API calls. The Quarkus extension implements it with Micrometer when
 * {@code quarkus-micrometer} is present; give one to {@code HexclaveTokenVerifier.create(…, observer)} and
 * {@code HexclaveClient.builder(…).observer(…)} elsewhere.
 * <p>
 * No method receives a token, a key, a user id or anything else a caller sent: only outcomes, the fixed
 * {@link RejectionReason}, an operation template and durations. Methods are called on the verifying or calling
 * thread (a Vert.x event loop, possibly): they must return quickly. The core calls every observer it is given through
 * {@link #safe}, so what one throws is ignored. Every method does nothing by default.
 */
public interface HexclaveObserver {

    /** Observes nothing. */
    HexclaveObserver NONE = new HexclaveObserver() {
    };

    /**
     * {@code observer}, with whatever one of its methods throws ignored (logged at DEBUG): an observer's fault never
     * fails a verification, a key fetch or an API call. {@link #NONE} stays {@code NONE}.
     */
    static HexclaveObserver safe(HexclaveObserver observer) {
        return observer == NONE || observer instanceof SafeObserver ? observer
                : new SafeObserver(java.util.Objects.requireNonNull(observer, "observer"));
    }

    /** A token was verified and accepted. */
    default void tokenAccepted() {
    }

    /** A token was rejected, for {@code reason}. */
    default void tokenRejected(RejectionReason reason) {
    }

    /** A token could not be verified because Hexclave's signing keys (or its API, in the REST mode) are unavailable. */
    default void keysUnavailable() {
    }

    /**
     * A token was looked up in the verified-token cache (repeated tokens skip the signature check).
     *
     * @param hit whether it was found there
     */
    default void verifiedTokenCacheLookup(boolean hit) {
    }

    /**
     * A fetch of Hexclave's signing keys (the JWKS, every key set of the user classes fetched) ended.
     *
     * @param succeeded whether keys were fetched
     * @param duration from the start of the fetch to its end
     */
    default void keyFetch(boolean succeeded, Duration duration) {
    }

    /**
     * A call of Hexclave's API ended (after its retries).
     *
     * @param operation the method and path template, e.g. {@code GET /users/{id}}: every id replaced by {@code {id}}
     * @param status the final HTTP status, or {@code 0} when no answer arrived (connection failure, timeout) or the
     *        call was refused before it was sent (a missing secret server key)
     * @param duration from the call to its end, retries included
     */
    default void apiCall(String operation, int status, Duration duration) {
    }
}
