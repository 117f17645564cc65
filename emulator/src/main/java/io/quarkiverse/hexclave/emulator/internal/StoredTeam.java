package io.quarkiverse.hexclave.emulator.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;

import io.quarkiverse.hexclave.emulator.EmulatedTeam;

/** A team and its memberships, in the order members joined. Guarded by the {@link EmulatorStore} lock. */
public final class StoredTeam {
    public final String id;
    public String displayName;
    public final long createdAtMillis;
    public String profileImageUrl;
    public JsonNode clientMetadata = NullNode.getInstance();
    public JsonNode clientReadOnlyMetadata = NullNode.getInstance();
    public JsonNode serverMetadata = NullNode.getInstance();
    /** user id → membership. */
    public final Map<String, StoredMember> members = new LinkedHashMap<>();

    public StoredTeam(String id, String displayName, long createdAtMillis) {
        this.id = id;
        this.displayName = displayName;
        this.createdAtMillis = createdAtMillis;
    }

    public boolean hasMember(String userId) {
        return members.containsKey(userId);
    }

    /** The membership of a user, or {@code null}. */
    public StoredMember member(String userId) {
        return members.get(userId);
    }

    public EmulatedTeam snapshot() {
        return new EmulatedTeam(id, displayName, java.time.Instant.ofEpochMilli(createdAtMillis));
    }

    @Override
    public String toString() {
        return "StoredTeam[id=" + id + "]";
    }
}
