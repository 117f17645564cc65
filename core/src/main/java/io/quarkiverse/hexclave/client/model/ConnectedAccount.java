package io.quarkiverse.hexclave.client.model;

/**
 * A provider account the app may use on a user's behalf ({@code GET /connected-accounts/{user_id}}): a linked OAuth
 * account with {@code allow_connected_accounts}.
 *
 * @param provider the provider configuration id (e.g. {@code github})
 * @param providerAccountId the account's id at the provider
 */
public record ConnectedAccount(String userId, String provider, String providerAccountId) {
}
