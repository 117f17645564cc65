package io.quarkiverse.hexclave.emulator.internal;

import java.time.Clock;
import java.time.Duration;

/**
 * The emulator's settings, as given to the builder.
 *
 * @param issuerOrigin the origin stamped into {@code iss}, or {@code null} for the emulator's own {@code apiUrl()}
 * @param corsAllowedOrigins the browser origins allowed to call the API ({@link CorsPolicy} patterns)
 */
public record EmulatorSettings(
        String projectId,
        String secretServerKey,
        String publishableClientKey,
        boolean requirePublishableClientKey,
        boolean requireEmailVerification,
        boolean clientUserDeletionEnabled,
        boolean clientTeamCreationEnabled,
        boolean signUpEnabled,
        Duration accessTokenLifetime,
        Duration jwksMaxAge,
        String issuerOrigin,
        String host,
        int port,
        Clock clock,
        java.util.List<String> corsAllowedOrigins) {

    @Override
    public String toString() {
        return "EmulatorSettings[projectId=" + projectId + ", secretServerKey=****, publishableClientKey=****, port="
                + port + "]";
    }
}
