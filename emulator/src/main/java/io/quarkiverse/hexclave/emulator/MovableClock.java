package io.quarkiverse.hexclave.emulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A clock a test moves, for {@link HexclaveEmulator.Builder#clock(Clock)}: token {@code iat}/{@code exp}, expiry checks,
 * session and code lifetimes follow it. Move it past an access token's {@code exp} and the emulator answers that token
 * with {@code ACCESS_TOKEN_EXPIRED}, as the real API would ten minutes later, so refresh paths can be tested at once.
 * Starts at the current time (millisecond precision); thread-safe; UTC.
 */
public final class MovableClock extends Clock {

    private final AtomicReference<Instant> now;

    /** A clock at the current time. */
    public MovableClock() {
        this(Instant.now());
    }

    /** A clock at this instant. */
    public MovableClock(Instant start) {
        this.now = new AtomicReference<>(Objects.requireNonNull(start, "start").truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
    }

    /** Moves the clock forward (or back, with a negative duration). */
    public void advance(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        now.updateAndGet(i -> i.plus(duration));
    }

    /** Sets the clock. */
    public void set(Instant instant) {
        now.set(Objects.requireNonNull(instant, "instant"));
    }

    @Override
    public Instant instant() {
        return now.get();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    /** This clock (it is always UTC; the zone does not change instants). */
    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public String toString() {
        return "MovableClock[" + now.get() + "]";
    }
}
