package io.quarkiverse.hexclave.client.model;

import java.util.Map;

/**
 * The body of {@code POST /teams}: a display name, and only the other fields that were set.
 * <pre>{@code
 * CreateTeamRequest.named("Research").creatorUserId(userId).serverMetadata(Map.of("plan", "pro")).build();
 * }</pre>
 */
public final class CreateTeamRequest extends RequestBody {

    private CreateTeamRequest(Map<String, Object> fields) {
        super(fields);
    }

    /** A builder for a team called {@code displayName}. */
    public static Builder named(String displayName) {
        return new Builder().displayName(displayName);
    }

    /** Builds a {@link CreateTeamRequest}. */
    public static final class Builder extends TeamFieldsBuilder<Builder> {

        private Builder() {
        }

        /**
         * {@code creator_user_id}: the user who creates the team becomes its first member, with the project's
         * default creator permissions. Without it the team has no members.
         */
        public Builder creatorUserId(String userId) {
            return setNonBlank("creator_user_id", userId, true);
        }

        public CreateTeamRequest build() {
            return new CreateTeamRequest(fields);
        }
    }
}
