package io.quarkiverse.hexclave.emulator;

import java.time.Duration;
import java.util.Objects;

import io.quarkiverse.hexclave.emulator.internal.JwksFaultState;
import io.quarkiverse.hexclave.emulator.internal.KnownError;

/**
 * Faults of the JWKS endpoint, for testing how a verifier copes with an unreachable, slow or broken key source.
 * Faults apply to the JWKS endpoint only (and its anonymous-users alias), except {@link #apiStatus(int)} and
 * {@link #apiKnownError(int, String, String)}, which apply to the rest of the API.
 * Every request reaching the JWKS endpoint is counted by {@link HexclaveEmulator#jwksRequestCount()}, faulted or not.
 */
public final class Faults {

    private final JwksFaultState state;

    Faults(JwksFaultState state) {
        this.state = state;
    }

    /**
     * The JWKS endpoint closes the connection without sending any HTTP response. The JDK {@code HttpServer} cannot
     * send a TCP reset, so clients see an orderly close (EOF) before the status line, which they report as an
     * I/O error; that is what a crashed or unreachable key server looks like to them.
     */
    public Faults jwksDown() {
        state.down();
        return this;
    }

    /** Delays every JWKS answer (including faulted ones) by this duration; {@link Duration#ZERO} turns it off. */
    public Faults jwksSlow(Duration delay) {
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative");
        }
        state.slow(delay);
        return this;
    }

    /** The JWKS endpoint answers this status (e.g. 500, 503, 429) with a short plain-text body. */
    public Faults jwksStatus(int status) {
        if (status < 200 || status > 599) {
            throw new IllegalArgumentException("status must be 200..599");
        }
        state.status(status);
        return this;
    }

    /** The JWKS endpoint answers 200 with {@code Content-Type: application/json} but a body that is not JSON. */
    public Faults jwksGarbage() {
        state.garbage();
        return this;
    }

    /**
     * Every API request except the JWKS endpoint's answers this status (e.g. 503) with a short plain-text body: Hexclave
     * down while the keys an application cached stay valid. Switched off by {@link #reset()}.
     */
    public Faults apiStatus(int status) {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("status must be 400..599");
        }
        state.apiStatus(status);
        return this;
    }

    /**
     * Every API request except the JWKS endpoint's answers this Hexclave known error, as Hexclave sends one (the
     * {@code x-hexclave-known-error} header and a {@code {"code", "error"}} body): for answers the emulator's own state
     * never produces, e.g. {@code WRONG_API_KEY_TYPE} for a key whose shape names the other type. Switched off by
     * {@link #reset()}.
     *
     * @param status the HTTP status, 400..599
     * @param code the known-error code, e.g. {@code WRONG_API_KEY_TYPE} (upper case, digits, underscores)
     * @param message the human-readable message
     */
    public Faults apiKnownError(int status, String code, String message) {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("status must be 400..599");
        }
        if (code == null || !code.matches("[A-Z][A-Z0-9_]*")) {
            throw new IllegalArgumentException("code must look like a Hexclave known error, e.g. WRONG_API_KEY_TYPE");
        }
        state.apiKnownError(new KnownError(status, code, Objects.requireNonNull(message, "message")));
        return this;
    }

    /** Switches every fault off (the request counter is kept; see {@link HexclaveEmulator#resetJwksRequestCount()}). */
    public Faults reset() {
        state.reset();
        return this;
    }
}
