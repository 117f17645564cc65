package io.quarkiverse.hexclave.emulator.internal;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;

import io.quarkiverse.hexclave.emulator.EmulatedTeam;

/** A team with its members and their directly granted permissions. Guarded by the {@link EmulatorStore} lock. */
public final class StoredTeam {
    public final String id;
    public String displayName;
    public final long createdAtMillis;
    public String profileImageUrl;
    public JsonNode clientMetadata = NullNode.getInstance();
    public JsonNode clientReadOnlyMetadata = NullNode.getInstance();
    public JsonNode serverMetadata = NullNode.getInstance();
    /** user id → directly granted permission ids, in grant order. */
    public final Map<String, Set<String>> members = new LinkedHashMap<>();

    public StoredTeam(String id, String displayName, long createdAtMillis) {
        this.id = id;
        this.displayName = displayName;
        this.createdAtMillis = createdAtMillis;
    }

    public Set<String> permissionsOf(String userId) {
        return members.computeIfAbsent(userId, k -> new LinkedHashSet<>());
    }

    public EmulatedTeam snapshot() {
        return new EmulatedTeam(id, displayName, java.time.Instant.ofEpochMilli(createdAtMillis));
    }
}
