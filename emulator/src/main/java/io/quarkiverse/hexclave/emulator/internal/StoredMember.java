package io.quarkiverse.hexclave.emulator.internal;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A team membership: the member's directly granted team permissions and their team member profile. Guarded by the
 * {@link EmulatorStore} lock.
 */
public final class StoredMember {
    public final String userId;
    public final long createdAtMillis;
    /** Directly granted permission ids, in grant order. */
    public final Set<String> permissions = new LinkedHashSet<>();
    /** The profile's own display name, or {@code null} to show the user's. */
    public String displayName;
    /** The profile's own image, or {@code null} to show the user's. */
    public String profileImageUrl;

    public StoredMember(String userId, long createdAtMillis) {
        this.userId = userId;
        this.createdAtMillis = createdAtMillis;
    }
}
