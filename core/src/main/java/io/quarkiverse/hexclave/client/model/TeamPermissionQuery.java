package io.quarkiverse.hexclave.client.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The filters of {@code GET /team-permissions} (wire reference §8.1); each one is optional, only set ones are sent.
 * <pre>{@code
 * TeamPermissionQuery.builder().userId(userId).teamId(teamId).recursive(true).build();
 * }</pre>
 */
public final class TeamPermissionQuery {

    private final Map<String, String> parameters;

    private TeamPermissionQuery(Map<String, String> parameters) {
        this.parameters = Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** The permissions of one user in every team, including implied ones. */
    public static TeamPermissionQuery ofUser(String userId) {
        return builder().userId(userId).recursive(true).build();
    }

    /** The query parameters to send. */
    public Map<String, String> parameters() {
        return parameters;
    }

    @Override
    public String toString() {
        return "TeamPermissionQuery" + parameters;
    }

    /** Builds a {@link TeamPermissionQuery}. */
    public static final class Builder {
        private final Map<String, String> p = new LinkedHashMap<>();

        /** The user (a UUID, or {@code me} on a call with an access token). */
        public Builder userId(String userId) {
            return put("user_id", userId);
        }

        /** The team. */
        public Builder teamId(String teamId) {
            return put("team_id", teamId);
        }

        /** One permission id, e.g. {@code team_admin} or {@code $read_members}. */
        public Builder permissionId(String permissionId) {
            return put("permission_id", permissionId);
        }

        /** Also list permissions implied by the granted ones. */
        public Builder recursive(boolean recursive) {
            p.put("recursive", Boolean.toString(recursive));
            return this;
        }

        public TeamPermissionQuery build() {
            return new TeamPermissionQuery(p);
        }

        private Builder put(String key, String value) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException(key + " must not be blank");
            }
            p.put(key, value.strip());
            return this;
        }
    }
}
