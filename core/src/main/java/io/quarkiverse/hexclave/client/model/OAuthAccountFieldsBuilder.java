package io.quarkiverse.hexclave.client.model;

/**
 * The fields {@link LinkOAuthAccountRequest} and {@link UpdateOAuthAccountRequest} share.
 *
 * @param <B> the concrete builder
 */
public abstract class OAuthAccountFieldsBuilder<B extends OAuthAccountFieldsBuilder<B>> extends FieldsBuilder<B> {

    OAuthAccountFieldsBuilder() {
    }

    /** {@code email}: the account's e-mail, shown to identify it. */
    public B email(String email) {
        return setNonBlank("email", email, true);
    }

    /** {@code allow_sign_in}: the user can sign in with this account (one such account per provider and user). */
    public B allowSignIn(boolean allow) {
        return set("allow_sign_in", allow);
    }

    /** {@code allow_connected_accounts}: the app may act on the user's behalf at the provider with it. */
    public B allowConnectedAccounts(boolean allow) {
        return set("allow_connected_accounts", allow);
    }
}
