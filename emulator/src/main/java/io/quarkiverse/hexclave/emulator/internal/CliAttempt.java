package io.quarkiverse.hexclave.emulator.internal;

/** A CLI login attempt (wire reference §9.5). Guarded by the {@link EmulatorStore} lock. */
public final class CliAttempt {
    public final String pollingCode;
    public final String loginCode;
    public final long expiresAtMillis;
    /** The refresh token handed over by the confirm page, or {@code null} while waiting. */
    public String refreshToken;
    /** Whether the refresh token has been handed out by a poll (it is handed out once). */
    public boolean used;

    public CliAttempt(String pollingCode, String loginCode, long expiresAtMillis) {
        this.pollingCode = pollingCode;
        this.loginCode = loginCode;
        this.expiresAtMillis = expiresAtMillis;
    }

    @Override
    public String toString() {
        return "CliAttempt[expiresAtMillis=" + expiresAtMillis + ", used=" + used + "]";
    }
}
