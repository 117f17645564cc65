package io.quarkiverse.hexclave.client;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletionStage;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkiverse.hexclave.client.error.RefreshTokenNotFoundOrExpiredException;
import io.quarkiverse.hexclave.client.model.AnonymousSignUp;
import io.quarkiverse.hexclave.client.model.CreateSessionRequest;
import io.quarkiverse.hexclave.client.model.Session;
import io.quarkiverse.hexclave.client.model.SessionTokens;
import io.quarkiverse.hexclave.config.Secret;

/**
 * Hexclave's sessions API (wire reference §6). Creating, listing and revoking sessions use server access; refresh
 * and sign-out act with the user's token and use server access when a secret server key is configured, else client
 * access. Tokens go in and come out as {@link Secret}s. Blocking and {@code …Async} forms share one code path.
 */
public final class SessionsApi {

    private final RequestSender sender;

    SessionsApi(RequestSender sender) {
        this.sender = sender;
    }

    /** Creates a session for a user ({@code POST /auth/sessions}, never retried): server-side sign-in or impersonation. */
    public CompletionStage<SessionTokens> createAsync(CreateSessionRequest request) {
        return RequestSender.guard(() -> sender.send(ApiCall.of("POST", "/auth/sessions", Access.SERVER)
                .withBody(Json.object(Objects.requireNonNull(request, "request").fields())))
                .thenApply(r -> {
                    JsonNode body = Json.tree(r);
                    return new SessionTokens(new Secret(Json.requiredText(r, body, "refresh_token")),
                            new Secret(Json.requiredText(r, body, "access_token")));
                }));
    }

    /** Creates a session for a user ({@code POST /auth/sessions}). */
    public SessionTokens create(CreateSessionRequest request) {
        return sender.blocking(() -> createAsync(request));
    }

    /** Creates a session for {@code userId} with Hexclave's defaults. */
    public SessionTokens create(String userId) {
        return create(CreateSessionRequest.forUser(userId).build());
    }

    /**
     * A new access token for a refresh token ({@code POST /auth/sessions/current/refresh}, never retried). Sends only
     * {@code x-hexclave-refresh-token}, never an access token (an expired one would fail the call). The refresh token
     * is not rotated. {@code RefreshTokenNotFoundOrExpiredException} when the session is gone.
     */
    public CompletionStage<Secret> refreshAsync(Secret refreshToken) {
        return RequestSender.guard(() -> sender.send(ApiCall.of("POST", "/auth/sessions/current/refresh",
                Access.SERVER_IF_CONFIGURED).withRefreshToken(refreshToken))
                .thenApply(r -> new Secret(Json.requiredText(r, Json.tree(r), "access_token"))));
    }

    /** A new access token for a refresh token. */
    public Secret refresh(Secret refreshToken) {
        return sender.blocking(() -> refreshAsync(refreshToken));
    }

    /**
     * Signs out the session {@code accessToken} belongs to ({@code DELETE /auth/sessions/current}). The token must
     * not be expired ({@code AccessTokenExpiredException}); refresh first, or revoke by session id. When a retry (after
     * a lost answer) finds the session gone ({@code REFRESH_TOKEN_NOT_FOUND_OR_EXPIRED}), an earlier attempt signed
     * it out: that counts as success.
     */
    public CompletionStage<Void> signOutAsync(Secret accessToken) {
        return RequestSender.guard(() -> sender.send(ApiCall.of("DELETE", "/auth/sessions/current",
                Access.SERVER_IF_CONFIGURED).withAccessToken(accessToken),
                e -> e instanceof RefreshTokenNotFoundOrExpiredException).thenApply(r -> null));
    }

    /** Signs out the session {@code accessToken} belongs to. */
    public void signOut(Secret accessToken) {
        sender.blocking(() -> signOutAsync(accessToken));
    }

    /** A user's sessions, newest first ({@code GET /auth/sessions?user_id=}); impersonation sessions are not listed. */
    public CompletionStage<List<Session>> listAsync(String userId) {
        return RequestSender.guard(() -> sender.send(ApiCall.of("GET", "/auth/sessions", Access.SERVER)
                .withQuery(Map.of("user_id", RequestSender.required(userId, "userId"))))
                .thenApply(r -> Json.items(r, Json.tree(r), Session.class)));
    }

    /** A user's sessions, newest first. */
    public List<Session> list(String userId) {
        return sender.blocking(() -> listAsync(userId));
    }

    /**
     * Revokes a session of a user ({@code DELETE /auth/sessions/{id}?user_id=}); refreshing with its token then fails,
     * access tokens already minted stay valid until they expire. When a retry (after a lost answer) gets 404
     * {@code Session not found.}, an earlier attempt revoked it: that counts as success.
     */
    public CompletionStage<Void> revokeAsync(String sessionId, String userId) {
        return RequestSender.guard(() -> sender.send(ApiCall.of("DELETE", "/auth/sessions/" + RequestSender.segment(sessionId),
                Access.SERVER).withQuery(Map.of("user_id", RequestSender.required(userId, "userId"))), e -> e.status() == 404 && e.code() == null)
                .thenApply(r -> null));
    }

    /** Revokes a session of a user. */
    public void revoke(String sessionId, String userId) {
        sender.blocking(() -> revokeAsync(sessionId, userId));
    }

    /**
     * Signs up a new anonymous (guest) user and starts a session for them ({@code POST /auth/anonymous/sign-up},
     * never retried). Their tokens are those of an anonymous user: calls on their behalf need
     * {@code hexclave.allow-anonymous-users}.
     */
    public CompletionStage<AnonymousSignUp> signUpAnonymouslyAsync() {
        return RequestSender.guard(() -> sender.send(ApiCall.of("POST", "/auth/anonymous/sign-up", Access.SERVER_IF_CONFIGURED))
                .thenApply(r -> {
                    JsonNode body = Json.tree(r);
                    return new AnonymousSignUp(Json.requiredText(r, body, "user_id"), new SessionTokens(
                            new Secret(Json.requiredText(r, body, "refresh_token")),
                            new Secret(Json.requiredText(r, body, "access_token"))));
                }));
    }

    /** Signs up a new anonymous (guest) user and starts a session for them. */
    public AnonymousSignUp signUpAnonymously() {
        return sender.blocking(() -> signUpAnonymouslyAsync());
    }
}
