package io.quarkiverse.hexclave.emulator.internal;

/**
 * An OAuth account linked to a user: what {@code /oauth-providers} manages, what {@code /connected-accounts} lists
 * (when {@code allowConnectedAccounts}) and what the user object's {@code oauth_providers} shows. Mutable; only touched
 * while holding the {@link EmulatorStore} lock.
 */
public final class StoredOAuthAccount {
    public final String id;
    public final String providerConfigId;
    public final long createdAtMillis;
    public String accountId;
    public String email;
    public boolean allowSignIn;
    public boolean allowConnectedAccounts;

    public StoredOAuthAccount(String id, String providerConfigId, long createdAtMillis) {
        this.id = id;
        this.providerConfigId = providerConfigId;
        this.createdAtMillis = createdAtMillis;
    }

    public StoredOAuthAccount copy() {
        StoredOAuthAccount c = new StoredOAuthAccount(id, providerConfigId, createdAtMillis);
        c.accountId = accountId;
        c.email = email;
        c.allowSignIn = allowSignIn;
        c.allowConnectedAccounts = allowConnectedAccounts;
        return c;
    }

    @Override
    public String toString() {
        return "StoredOAuthAccount[id=" + id + ", provider=" + providerConfigId + "]";
    }
}
