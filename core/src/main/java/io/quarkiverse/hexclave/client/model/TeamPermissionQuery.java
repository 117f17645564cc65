package io.quarkiverse.hexclave.client.model;

import java.util.Map;

/**
 * The filters of {@code GET /team-permissions} (wire reference §8.1); each one is optional, only set ones are sent.
 * <pre>{@code
 * TeamPermissionQuery.builder().userId(userId).teamId(teamId).recursive(true).build();
 * }</pre>
 */
public final class TeamPermissionQuery extends ListQuery {

    private TeamPermissionQuery(Map<String, String> parameters) {
        super(parameters);
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** The permissions of one user in every team, including implied ones. */
    public static TeamPermissionQuery ofUser(String userId) {
        return builder().userId(userId).recursive(true).build();
    }

    /** Builds a {@link TeamPermissionQuery}. */
    public static final class Builder extends PermissionQueryBuilder<Builder> {

        private Builder() {
        }

        /** The team. */
        public Builder teamId(String teamId) {
            return putNonBlank("team_id", teamId);
        }

        public TeamPermissionQuery build() {
            return new TeamPermissionQuery(p);
        }
    }
}
