package io.quarkiverse.hexclave.emulator;

import java.time.Instant;

/**
 * A user or team API key as created, with its full value (Hexclave shows the value once, at creation; later reads give
 * only its last four characters).
 *
 * @param id the key's id (UUID)
 * @param type {@code user} or {@code team}
 * @param ownerId the id of the user or team the key belongs to
 * @param description the description
 * @param isPublic whether it is a public key ({@code pk_…}) rather than a secret one ({@code sk_…})
 * @param createdAt when it was created (millisecond precision)
 * @param expiresAt when it expires, or {@code null} for never
 * @param value the full key, in Hexclave's format (a secret)
 */
public record EmulatedApiKey(String id, String type, String ownerId, String description, boolean isPublic,
        Instant createdAt, Instant expiresAt, String value) {

    /** Hides the value. */
    @Override
    public String toString() {
        return "EmulatedApiKey[id=" + id + ", type=" + type + ", ownerId=" + ownerId + ", value=****]";
    }
}
