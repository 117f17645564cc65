package io.quarkiverse.hexclave.client;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletionStage;

import io.quarkiverse.hexclave.client.model.ConnectedAccount;
import io.quarkiverse.hexclave.client.model.LinkOAuthAccountRequest;
import io.quarkiverse.hexclave.client.model.OAuthAccount;
import io.quarkiverse.hexclave.client.model.UpdateOAuthAccountRequest;

/**
 * The OAuth provider accounts linked to users ({@code /oauth-providers}) and a user's connected accounts
 * ({@code /connected-accounts/{user_id}}), as far as the server API exposes them: list, link, get, update, unlink,
 * and list connected accounts. Server access; blocking and {@code …Async} forms. The OAuth sign-in flows themselves
 * ({@code /auth/oauth/…}) are browser redirects and not part of this client; nor are provider access tokens, which
 * the server API does not hand out.
 * <p>
 * Errors: {@link io.quarkiverse.hexclave.client.error.UserNotFoundException},
 * {@link io.quarkiverse.hexclave.client.error.OAuthAccountAlreadyUsedForSignInException}; an unknown link or a
 * provider the project has not configured is Hexclave's plain-text 404, and linking a provider account twice (or a
 * second sign-in account of one provider) its plain-text 400, both arriving as
 * {@link io.quarkiverse.hexclave.client.error.UnknownHexclaveErrorException} with that status.
 */
public final class OAuthProvidersApi {

    private static final String BASE = "/oauth-providers";

    private final RequestSender sender;

    OAuthProvidersApi(RequestSender sender) {
        this.sender = sender;
    }

    /** The OAuth accounts linked to a user ({@code GET /oauth-providers?user_id=}, not paginated). */
    public CompletionStage<List<OAuthAccount>> listAsync(String userId) {
        return RequestSender.guard(() -> sender.send(ApiCall.of("GET", BASE, Access.SERVER)
                .withQuery(Map.of("user_id", RequestSender.required(userId, "user_id"))))
                .thenApply(r -> Json.items(r, Json.tree(r), OAuthAccount.class)));
    }

    /** The OAuth accounts linked to a user. */
    public List<OAuthAccount> list(String userId) {
        return sender.blocking(() -> listAsync(userId));
    }

    /** Links a provider account to a user ({@code POST /oauth-providers}, never retried). */
    public CompletionStage<OAuthAccount> linkAsync(LinkOAuthAccountRequest request) {
        return RequestSender.guard(() -> sender.send(ApiCall.of("POST", BASE, Access.SERVER)
                .withBody(Json.object(Objects.requireNonNull(request, "request").fields())))
                .thenApply(r -> Json.read(r, OAuthAccount.class)));
    }

    /** Links a provider account to a user ({@code POST /oauth-providers}). */
    public OAuthAccount link(LinkOAuthAccountRequest request) {
        return sender.blocking(() -> linkAsync(request));
    }

    /** One linked account ({@code GET /oauth-providers/{user_id}/{provider_id}}). */
    public CompletionStage<OAuthAccount> getAsync(String userId, String oauthAccountId) {
        return RequestSender.guard(() -> sender.send(ApiCall.of("GET", path(userId, oauthAccountId), Access.SERVER))
                .thenApply(r -> Json.read(r, OAuthAccount.class)));
    }

    /** One linked account. */
    public OAuthAccount get(String userId, String oauthAccountId) {
        return sender.blocking(() -> getAsync(userId, oauthAccountId));
    }

    /** Changes the fields set in {@code request} ({@code PATCH /oauth-providers/{user_id}/{provider_id}}). */
    public CompletionStage<OAuthAccount> updateAsync(String userId, String oauthAccountId, UpdateOAuthAccountRequest request) {
        return RequestSender.guard(() -> sender.send(ApiCall.of("PATCH", path(userId, oauthAccountId), Access.SERVER)
                .withBody(Json.object(Objects.requireNonNull(request, "request").fields())))
                .thenApply(r -> Json.read(r, OAuthAccount.class)));
    }

    /** Changes the fields set in {@code request}. */
    public OAuthAccount update(String userId, String oauthAccountId, UpdateOAuthAccountRequest request) {
        return sender.blocking(() -> updateAsync(userId, oauthAccountId, request));
    }

    /**
     * Unlinks an account ({@code DELETE /oauth-providers/{user_id}/{provider_id}}). When a retry (after a lost
     * answer) gets Hexclave's plain-text 404, an earlier attempt unlinked it: that counts as success.
     */
    public CompletionStage<Void> unlinkAsync(String userId, String oauthAccountId) {
        return RequestSender.guard(() -> sender.send(ApiCall.of("DELETE", path(userId, oauthAccountId), Access.SERVER),
                e -> e.code() == null && e.status() == 404).thenApply(r -> null));
    }

    /** Unlinks an account. */
    public void unlink(String userId, String oauthAccountId) {
        sender.blocking(() -> unlinkAsync(userId, oauthAccountId));
    }

    /** The provider accounts the app may use on the user's behalf ({@code GET /connected-accounts/{user_id}}). */
    public CompletionStage<List<ConnectedAccount>> connectedAccountsAsync(String userId) {
        return RequestSender.guard(() -> sender.send(ApiCall.of("GET", "/connected-accounts/" + RequestSender.segment(userId),
                Access.SERVER)).thenApply(r -> Json.items(r, Json.tree(r), ConnectedAccount.class)));
    }

    /** The provider accounts the app may use on the user's behalf. */
    public List<ConnectedAccount> connectedAccounts(String userId) {
        return sender.blocking(() -> connectedAccountsAsync(userId));
    }

    private static String path(String userId, String oauthAccountId) {
        return BASE + "/" + RequestSender.segment(userId) + "/" + RequestSender.segment(oauthAccountId);
    }
}
