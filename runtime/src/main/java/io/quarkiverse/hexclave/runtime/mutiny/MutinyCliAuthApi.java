package io.quarkiverse.hexclave.runtime.mutiny;

import java.time.Duration;
import java.util.Optional;

import io.quarkiverse.hexclave.client.CliAuthApi;
import io.quarkiverse.hexclave.client.model.CliLoginAttempt;
import io.quarkiverse.hexclave.client.model.CliPollResult;
import io.quarkiverse.hexclave.config.Secret;
import io.smallrye.mutiny.Uni;

/**
 * The CLI login calls with Mutiny: each method is the {@code …Async} method of the same name in {@link CliAuthApi}
 * as a {@code Uni}, which calls Hexclave on subscription (again on each) and emits on the subscriber's Vert.x
 * context (see {@link MutinyHexclaveClient}). Same errors as the core, in the {@code Uni}'s failure.
 */
public final class MutinyCliAuthApi {

    private final CliAuthApi api;

    MutinyCliAuthApi(CliAuthApi api) {
        this.api = api;
    }

    /** Starts a login ({@code POST /auth/cli}); {@code expiresIn} empty means Hexclave's default (2 minutes). */
    public Uni<CliLoginAttempt> start(Optional<Duration> expiresIn) {
        return CallerContext.uni(() -> api.startAsync(expiresIn));
    }

    /**
     * Asks once whether the login was confirmed ({@code POST /auth/cli/poll}, never retried: the refresh token is
     * handed out once). {@code InvalidPollingCodeException} for an unknown code.
     */
    public Uni<CliPollResult> poll(Secret pollingCode) {
        return CallerContext.uni(() -> api.pollAsync(pollingCode));
    }

    /**
     * Whether a login code is pending, and what session the CLI brought ({@code POST /auth/cli/complete} with
     * {@code mode=check}). An unknown or expired code is Hexclave's plain-text 400, an
     * {@link io.quarkiverse.hexclave.client.error.UnknownHexclaveErrorException} with status 400.
     */
    public Uni<CliAuthApi.CliSessionState> check(String loginCode) {
        return CallerContext.uni(() -> api.checkAsync(loginCode));
    }

    /**
     * Confirms a CLI login for the user of {@code refreshToken}, the confirming user's own session ({@code POST
     * /auth/cli/complete} with {@code mode=complete}, never retried): the CLI's next poll receives a refresh token of
     * that user. {@code RefreshTokenNotFoundOrExpiredException} if the session is gone; an unknown or expired login
     * code is Hexclave's plain-text 400.
     */
    public Uni<Void> complete(String loginCode, Secret refreshToken) {
        return CallerContext.uni(() -> api.completeAsync(loginCode, refreshToken));
    }
}
