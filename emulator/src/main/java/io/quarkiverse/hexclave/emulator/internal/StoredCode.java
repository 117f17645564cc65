package io.quarkiverse.hexclave.emulator.internal;

import java.time.Instant;

import io.quarkiverse.hexclave.emulator.VerificationCode;

/**
 * A code the emulated project would have e-mailed (Hexclave's {@code VerificationCode} row): its purpose, the
 * recipient, what it is for, expiry, use and failed attempts. Guarded by the {@link EmulatorStore} lock.
 */
public final class StoredCode {
    public final String id;
    public final VerificationCode.Purpose purpose;
    /** The code (45 lower-case base32 characters; a secret). */
    public final String code;
    public final String email;
    /** The user whose contact channel it verifies, or {@code null}. */
    public final String userId;
    /** The team it invites to, or {@code null}. */
    public final String teamId;
    /** The link of the e-mail: the callback URL with {@code code} appended. */
    public final String link;
    public final long expiresAtMillis;
    public Long usedAtMillis;
    public int attempts;

    public StoredCode(String id, VerificationCode.Purpose purpose, String code, String email, String userId,
            String teamId, String link, long expiresAtMillis) {
        this.id = id;
        this.purpose = purpose;
        this.code = code;
        this.email = email;
        this.userId = userId;
        this.teamId = teamId;
        this.link = link;
        this.expiresAtMillis = expiresAtMillis;
    }

    public VerificationCode snapshot() {
        return new VerificationCode(id, purpose, email, code, link, Instant.ofEpochMilli(expiresAtMillis));
    }

    @Override
    public String toString() {
        return "StoredCode[id=" + id + ", purpose=" + purpose + ", code=****]";
    }
}
