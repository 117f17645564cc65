package io.quarkiverse.hexclave.emulator.internal;

/**
 * A contact channel of a user (Hexclave has only e-mail ones). The user's primary e-mail is the channel marked
 * primary. Mutable; only touched while holding the {@link EmulatorStore} lock.
 */
public final class StoredContactChannel {
    public final String id;
    public final long createdAtMillis;
    public String value;
    public boolean verified;
    public boolean primary;
    public boolean usedForAuth;

    public StoredContactChannel(String id, long createdAtMillis, String value) {
        this.id = id;
        this.createdAtMillis = createdAtMillis;
        this.value = value;
    }

    public StoredContactChannel copy() {
        StoredContactChannel c = new StoredContactChannel(id, createdAtMillis, value);
        c.verified = verified;
        c.primary = primary;
        c.usedForAuth = usedForAuth;
        return c;
    }

    @Override
    public String toString() {
        return "StoredContactChannel[id=" + id + "]";
    }
}
