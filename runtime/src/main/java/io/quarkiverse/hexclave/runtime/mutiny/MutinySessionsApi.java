package io.quarkiverse.hexclave.runtime.mutiny;

import java.util.List;

import io.quarkiverse.hexclave.client.SessionsApi;
import io.quarkiverse.hexclave.client.model.AnonymousSignUp;
import io.quarkiverse.hexclave.client.model.CreateSessionRequest;
import io.quarkiverse.hexclave.client.model.Session;
import io.quarkiverse.hexclave.client.model.SessionTokens;
import io.quarkiverse.hexclave.config.Secret;
import io.smallrye.mutiny.Uni;

/**
 * Sessions with Mutiny: each method is the {@code …Async} method of the same name in {@link SessionsApi} as a
 * {@code Uni}, which calls Hexclave on subscription (again on each) and emits on the subscriber's Vert.x context
 * (see {@link MutinyHexclaveClient}). Same errors as the core, in the {@code Uni}'s failure.
 */
public final class MutinySessionsApi {

    private final SessionsApi api;

    MutinySessionsApi(SessionsApi api) {
        this.api = api;
    }

    /** Creates a session for a user ({@code POST /auth/sessions}, never retried): server-side sign-in or impersonation. */
    public Uni<SessionTokens> create(CreateSessionRequest request) {
        return CallerContext.uni(() -> api.createAsync(request));
    }

    /**
     * A new access token for a refresh token ({@code POST /auth/sessions/current/refresh}, never retried). Sends only
     * {@code x-hexclave-refresh-token}, never an access token (an expired one would fail the call). The refresh token
     * is not rotated. {@code RefreshTokenNotFoundOrExpiredException} when the session is gone.
     */
    public Uni<Secret> refresh(Secret refreshToken) {
        return CallerContext.uni(() -> api.refreshAsync(refreshToken));
    }

    /**
     * Signs out the session {@code accessToken} belongs to ({@code DELETE /auth/sessions/current}). The token must
     * not be expired ({@code AccessTokenExpiredException}); refresh first, or revoke by session id. When a retry (after
     * a lost answer) finds the session gone ({@code REFRESH_TOKEN_NOT_FOUND_OR_EXPIRED}), an earlier attempt signed
     * it out: that counts as success.
     */
    public Uni<Void> signOut(Secret accessToken) {
        return CallerContext.uni(() -> api.signOutAsync(accessToken));
    }

    /** A user's sessions, newest first ({@code GET /auth/sessions?user_id=}); impersonation sessions are not listed. */
    public Uni<List<Session>> list(String userId) {
        return CallerContext.uni(() -> api.listAsync(userId));
    }

    /**
     * Revokes a session of a user ({@code DELETE /auth/sessions/{id}?user_id=}); refreshing with its token then fails,
     * access tokens already minted stay valid until they expire. When a retry (after a lost answer) gets 404
     * {@code Session not found.}, an earlier attempt revoked it: that counts as success.
     */
    public Uni<Void> revoke(String sessionId, String userId) {
        return CallerContext.uni(() -> api.revokeAsync(sessionId, userId));
    }

    /**
     * Signs up a new anonymous (guest) user and starts a session for them ({@code POST /auth/anonymous/sign-up},
     * never retried). Their tokens are those of an anonymous user: calls on their behalf need
     * {@code hexclave.allow-anonymous-users}.
     */
    public Uni<AnonymousSignUp> signUpAnonymously() {
        return CallerContext.uni(() -> api.signUpAnonymouslyAsync());
    }
}
