package io.quarkiverse.hexclave.emulator.internal;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** The JWKS faults currently switched on, and the JWKS request counter. Thread-safe. */
public final class JwksFaultState {

    /** What the JWKS endpoint does instead of answering normally. */
    public enum Mode {
        NONE,
        /** Close the connection without an HTTP response. */
        DOWN,
        /** Answer with a configured status and a plain-text body. */
        STATUS,
        /** Answer 200 with a body that is not a JWKS (not even JSON). */
        GARBAGE
    }

    private volatile Mode mode = Mode.NONE;
    private volatile int status = 503;
    private volatile Duration delay = Duration.ZERO;
    private volatile int apiStatus;
    private volatile KnownError apiKnownError;
    private final AtomicLong requests = new AtomicLong();

    public Mode mode() {
        return mode;
    }

    public int status() {
        return status;
    }

    public Duration delay() {
        return delay;
    }

    public void down() {
        mode = Mode.DOWN;
    }

    public void status(int status) {
        this.status = status;
        mode = Mode.STATUS;
    }

    public void garbage() {
        mode = Mode.GARBAGE;
    }

    public void slow(Duration delay) {
        this.delay = delay;
    }

    public void reset() {
        mode = Mode.NONE;
        delay = Duration.ZERO;
        apiStatus = 0;
        apiKnownError = null;
    }

    /** The status every non-JWKS API request is answered with, or 0 for none. */
    /** The known error every API request answers, or {@code null}. */
    public KnownError apiKnownError() {
        return apiKnownError;
    }

    public void apiKnownError(KnownError error) {
        this.apiKnownError = error;
    }

    public int apiStatus() {
        return apiStatus;
    }

    public void apiStatus(int status) {
        this.apiStatus = status;
    }

    public long countRequest() {
        return requests.incrementAndGet();
    }

    public long requestCount() {
        return requests.get();
    }

    public void resetRequestCount() {
        requests.set(0);
    }
}
