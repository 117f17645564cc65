package io.quarkiverse.hexclave.client.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A user or team API key as Hexclave describes it (wire reference §9.6): never the key itself, only its last four
 * characters. The key value is handed out once, at creation ({@link CreatedApiKey}).
 *
 * @param id the key's id
 * @param type whose key it is
 * @param ownerId the user id of a user key, the team id of a team key
 * @param description what the key is for
 * @param isPublic whether it is a public key ({@code pk_…}) rather than a secret one ({@code sk_…})
 * @param lastFour the key's last four characters, to tell keys apart
 * @param createdAtMillis creation time, epoch milliseconds
 * @param expiresAtMillis expiry, epoch milliseconds, or {@code null} for a key that never expires
 * @param manuallyRevokedAtMillis when the key was revoked, epoch milliseconds, or {@code null}
 */
public record ApiKey(String id, Type type, String ownerId, String description, boolean isPublic, String lastFour,
        long createdAtMillis, Long expiresAtMillis, Long manuallyRevokedAtMillis) {

    /** Whose key it is. */
    public enum Type {
        /** A user API key: acts as the user ({@code /user-api-keys}). */
        USER,
        /** A team API key: acts as the team ({@code /team-api-keys}). */
        TEAM
    }

    public ApiKey {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(ownerId, "ownerId");
    }

    /** When the key was created. */
    public Instant createdAt() {
        return Instant.ofEpochMilli(createdAtMillis);
    }

    /** When the key expires; empty for a key that never does. */
    public Optional<Instant> expiresAt() {
        return Optional.ofNullable(expiresAtMillis).map(Instant::ofEpochMilli);
    }

    /** When the key was revoked, if it was. */
    public Optional<Instant> revokedAt() {
        return Optional.ofNullable(manuallyRevokedAtMillis).map(Instant::ofEpochMilli);
    }

    /** Whether the key was revoked. */
    public boolean isRevoked() {
        return manuallyRevokedAtMillis != null;
    }

    /** Whether the key is neither revoked nor expired at {@code now}. */
    public boolean isValidAt(Instant now) {
        return !isRevoked() && (expiresAtMillis == null || now.toEpochMilli() < expiresAtMillis);
    }
}
