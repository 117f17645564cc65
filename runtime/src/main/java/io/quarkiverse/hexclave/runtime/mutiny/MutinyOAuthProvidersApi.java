package io.quarkiverse.hexclave.runtime.mutiny;

import java.util.List;

import io.quarkiverse.hexclave.client.OAuthProvidersApi;
import io.quarkiverse.hexclave.client.model.ConnectedAccount;
import io.quarkiverse.hexclave.client.model.LinkOAuthAccountRequest;
import io.quarkiverse.hexclave.client.model.OAuthAccount;
import io.quarkiverse.hexclave.client.model.UpdateOAuthAccountRequest;
import io.smallrye.mutiny.Uni;

/**
 * OAuth accounts and connected accounts with Mutiny: each method is the {@code …Async} method of the same name in
 * {@link OAuthProvidersApi} as a {@code Uni}, which calls Hexclave on subscription (again on each) and emits on the
 * subscriber's Vert.x context (see {@link MutinyHexclaveClient}). Same errors as the core, in the {@code Uni}'s
 * failure.
 */
public final class MutinyOAuthProvidersApi {

    private final OAuthProvidersApi api;

    MutinyOAuthProvidersApi(OAuthProvidersApi api) {
        this.api = api;
    }

    /** The OAuth accounts linked to a user ({@code GET /oauth-providers?user_id=}, not paginated). */
    public Uni<List<OAuthAccount>> list(String userId) {
        return CallerContext.uni(() -> api.listAsync(userId));
    }

    /** Links a provider account to a user ({@code POST /oauth-providers}, never retried). */
    public Uni<OAuthAccount> link(LinkOAuthAccountRequest request) {
        return CallerContext.uni(() -> api.linkAsync(request));
    }

    /** One linked account ({@code GET /oauth-providers/{user_id}/{provider_id}}). */
    public Uni<OAuthAccount> get(String userId, String oauthAccountId) {
        return CallerContext.uni(() -> api.getAsync(userId, oauthAccountId));
    }

    /** Changes the fields set in {@code request} ({@code PATCH /oauth-providers/{user_id}/{provider_id}}). */
    public Uni<OAuthAccount> update(String userId, String oauthAccountId, UpdateOAuthAccountRequest request) {
        return CallerContext.uni(() -> api.updateAsync(userId, oauthAccountId, request));
    }

    /**
     * Unlinks an account ({@code DELETE /oauth-providers/{user_id}/{provider_id}}). When a retry (after a lost
     * answer) gets Hexclave's plain-text 404, an earlier attempt unlinked it: that counts as success.
     */
    public Uni<Void> unlink(String userId, String oauthAccountId) {
        return CallerContext.uni(() -> api.unlinkAsync(userId, oauthAccountId));
    }

    /** The provider accounts the app may use on the user's behalf ({@code GET /connected-accounts/{user_id}}). */
    public Uni<List<ConnectedAccount>> connectedAccounts(String userId) {
        return CallerContext.uni(() -> api.connectedAccountsAsync(userId));
    }
}
