package io.quarkiverse.hexclave.client.model;

/**
 * A contact channel of a user (an e-mail address; Hexclave supports no other type yet). {@link #toString()} shows
 * the ids only, not the address.
 *
 * @param type {@code email}
 * @param value the address
 * @param usedForAuth whether the address can be used to sign in (unique across the project's users)
 * @param isVerified whether the user proved they own it
 * @param isPrimary whether it is the user's primary e-mail
 */
public record ContactChannel(String id, String userId, String type, String value, boolean usedForAuth,
        boolean isVerified, boolean isPrimary) {

    @Override
    public String toString() {
        return "ContactChannel[id=" + id + ", userId=" + userId + "]";
    }
}
