package io.quarkiverse.hexclave.emulator.internal;

import java.time.Instant;

import io.quarkiverse.hexclave.emulator.EmulatedApiKey;

/** A user or team API key. Guarded by the {@link EmulatorStore} lock. */
public final class StoredApiKey {
    public final String id;
    /** {@code user} or {@code team}. */
    public final String type;
    /** The user id or team id. */
    public final String ownerId;
    /** The full key (a secret). */
    public final String secret;
    public final boolean isPublic;
    public final long createdAtMillis;
    public final Long expiresAtMillis;
    public String description;
    public Long revokedAtMillis;

    public StoredApiKey(String id, String type, String ownerId, String secret, boolean isPublic, long createdAtMillis,
            Long expiresAtMillis, String description) {
        this.id = id;
        this.type = type;
        this.ownerId = ownerId;
        this.secret = secret;
        this.isPublic = isPublic;
        this.createdAtMillis = createdAtMillis;
        this.expiresAtMillis = expiresAtMillis;
        this.description = description;
    }

    public EmulatedApiKey snapshotWithValue() {
        return new EmulatedApiKey(id, type, ownerId, description, isPublic, Instant.ofEpochMilli(createdAtMillis),
                expiresAtMillis == null ? null : Instant.ofEpochMilli(expiresAtMillis), secret);
    }

    @Override
    public String toString() {
        return "StoredApiKey[id=" + id + ", type=" + type + ", value=****]";
    }
}
