package io.quarkiverse.hexclave.webhook;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;

import io.quarkiverse.hexclave.client.model.Team;
import io.quarkiverse.hexclave.client.model.User;

/**
 * An event Hexclave delivered by webhook (wire reference §12.1): one record per event type, and
 * {@link UnknownEvent} for a type this version does not know (forward compatibility: never an error). Unknown
 * {@code data} members are ignored.
 * <p>
 * As CDI events, an observer of a record type ({@code @Observes HexclaveEvent.UserDeleted}) receives that type only,
 * an observer of {@code HexclaveEvent} every event.
 */
public sealed interface HexclaveEvent {

    /** The wire type, e.g. {@code user.created}. */
    String type();

    /**
     * The id of the user whose data the event changes, if any: user, team-membership and team-permission events. A
     * cache keyed by user forgets that user on such an event.
     */
    default Optional<String> affectedUserId() {
        return Optional.empty();
    }

    /** {@code user.created}: a user signed up or was created; the user, server view. */
    record UserCreated(User user) implements HexclaveEvent {
        public static final String TYPE = "user.created";

        public UserCreated {
            Objects.requireNonNull(user, "user");
        }

        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public Optional<String> affectedUserId() {
            return Optional.of(user.id());
        }
    }

    /** {@code user.updated}: a user changed; the user after the change, server view. */
    record UserUpdated(User user) implements HexclaveEvent {
        public static final String TYPE = "user.updated";

        public UserUpdated {
            Objects.requireNonNull(user, "user");
        }

        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public Optional<String> affectedUserId() {
            return Optional.of(user.id());
        }
    }

    /** {@code user.deleted}: a user was deleted; its id and the teams it was a member of. */
    record UserDeleted(String id, List<String> teamIds) implements HexclaveEvent {
        public static final String TYPE = "user.deleted";

        public UserDeleted {
            Objects.requireNonNull(id, "id");
            teamIds = teamIds == null ? List.of() : List.copyOf(teamIds);
        }

        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public Optional<String> affectedUserId() {
            return Optional.of(id);
        }
    }

    /** {@code team.created}: a team was created; the team, server view. */
    record TeamCreated(Team team) implements HexclaveEvent {
        public static final String TYPE = "team.created";

        public TeamCreated {
            Objects.requireNonNull(team, "team");
        }

        @Override
        public String type() {
            return TYPE;
        }
    }

    /** {@code team.updated}: a team changed; the team after the change, server view. */
    record TeamUpdated(Team team) implements HexclaveEvent {
        public static final String TYPE = "team.updated";

        public TeamUpdated {
            Objects.requireNonNull(team, "team");
        }

        @Override
        public String type() {
            return TYPE;
        }
    }

    /** {@code team.deleted}: a team was deleted. */
    record TeamDeleted(String id) implements HexclaveEvent {
        public static final String TYPE = "team.deleted";

        public TeamDeleted {
            Objects.requireNonNull(id, "id");
        }

        @Override
        public String type() {
            return TYPE;
        }
    }

    /** {@code team_membership.created}: a user joined a team. */
    record TeamMembershipCreated(String teamId, String userId) implements HexclaveEvent {
        public static final String TYPE = "team_membership.created";

        public TeamMembershipCreated {
            Objects.requireNonNull(teamId, "teamId");
            Objects.requireNonNull(userId, "userId");
        }

        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public Optional<String> affectedUserId() {
            return Optional.of(userId);
        }
    }

    /** {@code team_membership.deleted}: a user left or was removed from a team. */
    record TeamMembershipDeleted(String teamId, String userId) implements HexclaveEvent {
        public static final String TYPE = "team_membership.deleted";

        public TeamMembershipDeleted {
            Objects.requireNonNull(teamId, "teamId");
            Objects.requireNonNull(userId, "userId");
        }

        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public Optional<String> affectedUserId() {
            return Optional.of(userId);
        }
    }

    /** {@code team_permission.created}: a user was granted a permission in a team. */
    record TeamPermissionCreated(String id, String userId, String teamId) implements HexclaveEvent {
        public static final String TYPE = "team_permission.created";

        public TeamPermissionCreated {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(teamId, "teamId");
        }

        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public Optional<String> affectedUserId() {
            return Optional.of(userId);
        }
    }

    /** {@code team_permission.deleted}: a user's permission in a team was revoked. */
    record TeamPermissionDeleted(String id, String userId, String teamId) implements HexclaveEvent {
        public static final String TYPE = "team_permission.deleted";

        public TeamPermissionDeleted {
            Objects.requireNonNull(id, "id");
            Objects.requireNonNull(userId, "userId");
            Objects.requireNonNull(teamId, "teamId");
        }

        @Override
        public String type() {
            return TYPE;
        }

        @Override
        public Optional<String> affectedUserId() {
            return Optional.of(userId);
        }
    }

    /**
     * An event of a type this version does not know, passed through as received. {@link #toString()} shows the type
     * only (the data may hold personal data).
     */
    record UnknownEvent(String type, JsonNode data) implements HexclaveEvent {

        public UnknownEvent {
            Objects.requireNonNull(type, "type");
            data = data == null ? NullNode.getInstance() : data;
        }

        @Override
        public String toString() {
            return "UnknownEvent[type=" + type + "]";
        }
    }
}
