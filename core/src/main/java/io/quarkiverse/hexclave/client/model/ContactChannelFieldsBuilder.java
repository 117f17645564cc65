package io.quarkiverse.hexclave.client.model;

/**
 * The contact-channel flags {@link CreateContactChannelRequest} and {@link UpdateContactChannelRequest} share.
 *
 * @param <B> the concrete builder
 */
public abstract class ContactChannelFieldsBuilder<B extends ContactChannelFieldsBuilder<B>> extends FieldsBuilder<B> {

    ContactChannelFieldsBuilder() {
    }

    /** {@code used_for_auth}: the address can be used to sign in. */
    public B usedForAuth(boolean usedForAuth) {
        return set("used_for_auth", usedForAuth);
    }

    /** {@code is_verified}: mark the address verified (or not) without a code. */
    public B verified(boolean verified) {
        return set("is_verified", verified);
    }

    /** {@code is_primary}: make it the user's primary e-mail. */
    public B primary(boolean primary) {
        return set("is_primary", primary);
    }
}
