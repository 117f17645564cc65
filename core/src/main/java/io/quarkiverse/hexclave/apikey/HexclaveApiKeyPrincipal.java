package io.quarkiverse.hexclave.apikey;

import java.security.Principal;
import java.util.Objects;
import java.util.Set;

import io.quarkiverse.hexclave.client.model.ApiKey;
import io.quarkiverse.hexclave.verifier.HexclavePrincipal;

/**
 * A caller authenticated by a Hexclave API key: a user key acts as its user ({@link #getName()} is the user id), a
 * team key as its team ({@link #getName()} is the team id). Holds the key's id and type, never the key.
 */
public final class HexclaveApiKeyPrincipal implements Principal {

    /** The role (group) every API-key caller has: it says the caller came with a key, not a token. */
    public static final String API_KEY_ROLE = "hexclave-api-key";
    /** The role (group) of a team key's caller. */
    public static final String TEAM_ROLE = "team";

    private final ApiKey.Type type;
    private final String ownerId;
    private final String keyId;

    /** The caller of the checked {@code key}. */
    public HexclaveApiKeyPrincipal(ApiKey key) {
        this(key.type(), key.ownerId(), key.id());
    }

    public HexclaveApiKeyPrincipal(ApiKey.Type type, String ownerId, String keyId) {
        this.type = Objects.requireNonNull(type, "type");
        this.ownerId = Objects.requireNonNull(ownerId, "ownerId");
        this.keyId = Objects.requireNonNull(keyId, "keyId");
    }

    /** The owner's id: the user id of a user key, the team id of a team key. */
    @Override
    public String getName() {
        return ownerId;
    }

    /** Whether the key is a user key or a team key. */
    public ApiKey.Type type() {
        return type;
    }

    /** Whether the caller is a team (a team key). */
    public boolean isTeam() {
        return type == ApiKey.Type.TEAM;
    }

    /** The user id of a user key; {@code null} for a team key. */
    public String userId() {
        return type == ApiKey.Type.USER ? ownerId : null;
    }

    /** The team id of a team key; {@code null} for a user key. */
    public String teamId() {
        return type == ApiKey.Type.TEAM ? ownerId : null;
    }

    /**
     * The groups (roles) of the caller: {@code authenticated} and {@link #API_KEY_ROLE} for a user key,
     * {@link #TEAM_ROLE} and {@link #API_KEY_ROLE} for a team key; adapters add a user key's project permissions.
     */
    public Set<String> getGroups() {
        return Set.of(isTeam() ? TEAM_ROLE : HexclavePrincipal.AUTHENTICATED, API_KEY_ROLE);
    }

    /** The key's id (not the key). */
    public String keyId() {
        return keyId;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HexclaveApiKeyPrincipal p && p.type == type && p.ownerId.equals(ownerId)
                && p.keyId.equals(keyId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, ownerId, keyId);
    }

    @Override
    public String toString() {
        return "HexclaveApiKeyPrincipal[" + type + " " + ownerId + ", key " + keyId + "]";
    }
}
