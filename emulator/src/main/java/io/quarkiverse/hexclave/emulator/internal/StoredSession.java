package io.quarkiverse.hexclave.emulator.internal;

/** A session (refresh-token row). Mutable; only touched while holding the {@link EmulatorStore} lock. */
public final class StoredSession {
    public final String id;
    public final String userId;
    public final String refreshToken;
    public final long createdAtMillis;
    public final long expiresAtMillis;
    public final boolean impersonation;
    public Long lastUsedAtMillis;

    public StoredSession(String id, String userId, String refreshToken, long createdAtMillis, long expiresAtMillis,
            boolean impersonation) {
        this.id = id;
        this.userId = userId;
        this.refreshToken = refreshToken;
        this.createdAtMillis = createdAtMillis;
        this.expiresAtMillis = expiresAtMillis;
        this.impersonation = impersonation;
    }

    @Override
    public String toString() {
        return "StoredSession[id=" + id + ", userId=" + userId + "]";
    }
}
