package io.quarkiverse.hexclave.client.model;

/**
 * An OAuth provider account linked to a user ({@code /oauth-providers}): which provider, which account there, and
 * what it may be used for. {@link #toString()} shows ids, not the e-mail.
 *
 * @param id the link's id (the {@code provider_id} of the paths)
 * @param providerConfigId the provider configuration in the project (e.g. {@code github})
 * @param type the provider type ({@code google}, {@code github}, {@code microsoft} …)
 * @param accountId the account's id at the provider
 * @param email the account's e-mail, if known
 * @param allowSignIn whether the user can sign in with it (one per provider and user)
 * @param allowConnectedAccounts whether the app may act on the user's behalf at the provider with it
 */
public record OAuthAccount(String id, String userId, String providerConfigId, String type, String accountId,
        String email, boolean allowSignIn, boolean allowConnectedAccounts) {

    @Override
    public String toString() {
        return "OAuthAccount[id=" + id + ", userId=" + userId + ", providerConfigId=" + providerConfigId + "]";
    }
}
