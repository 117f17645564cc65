package io.quarkiverse.hexclave.emulator;

import java.util.Objects;

import io.quarkiverse.hexclave.emulator.internal.CliAttempt;
import io.quarkiverse.hexclave.emulator.internal.EmulatedProject;
import io.quarkiverse.hexclave.emulator.internal.EmulatorStore;
import io.quarkiverse.hexclave.emulator.internal.StoredSession;

/**
 * The browser side of the CLI login flow (wire reference §9.5), for tests: what the app's confirm page does when the
 * signed-in human confirms a login code.
 */
public final class CliLogins {

    private final EmulatedProject project;

    CliLogins(EmulatedProject project) {
        this.project = project;
    }

    /**
     * Confirms a pending CLI login as this user: creates a session for the user and hands its refresh token to the
     * polling CLI (like {@code POST /auth/cli/complete} with {@code mode=complete}).
     *
     * @param loginCode the login code returned by {@code POST /auth/cli}
     * @param userId the user who confirms
     * @return the session created for the CLI
     * @throws IllegalArgumentException when the login code is unknown, expired or already completed, or the user is unknown
     */
    public SessionTokens confirm(String loginCode, String userId) {
        Objects.requireNonNull(loginCode, "loginCode");
        Objects.requireNonNull(userId, "userId");
        EmulatorStore store = project.store();
        synchronized (store) {
            CliAttempt attempt = store.cliByLoginCode(loginCode);
            if (attempt == null || attempt.expiresAtMillis <= store.nowMillis() || attempt.refreshToken != null) {
                throw new IllegalArgumentException("No pending CLI login with this login code");
            }
            var user = store.user(userId);
            if (user == null) {
                throw new IllegalArgumentException("Unknown user " + userId);
            }
            StoredSession session = store.createSession(userId, EmulatorStore.DEFAULT_SESSION_MILLIS, false);
            attempt.refreshToken = session.refreshToken;
            return new SessionTokens(session.refreshToken, project.mintAccessToken(user, session.id), session.id);
        }
    }

    /** Whether a login code is still waiting for confirmation. */
    public boolean isPending(String loginCode) {
        EmulatorStore store = project.store();
        synchronized (store) {
            CliAttempt attempt = store.cliByLoginCode(loginCode);
            return attempt != null && attempt.refreshToken == null && attempt.expiresAtMillis > store.nowMillis();
        }
    }
}
