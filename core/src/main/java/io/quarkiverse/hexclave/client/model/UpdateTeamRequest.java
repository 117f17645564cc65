package io.quarkiverse.hexclave.client.model;

import java.util.Map;

/**
 * The body of {@code PATCH /teams/{team_id}}: only fields that were set change; a nullable field set to {@code null}
 * is cleared.
 * <pre>{@code
 * UpdateTeamRequest.builder().displayName("Research & Development").clientMetadata(null).build();
 * }</pre>
 */
public final class UpdateTeamRequest extends RequestBody {

    private UpdateTeamRequest(Map<String, Object> fields) {
        super(fields);
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds an {@link UpdateTeamRequest}. */
    public static final class Builder extends TeamFieldsBuilder<Builder> {

        private Builder() {
        }

        public UpdateTeamRequest build() {
            if (fields.isEmpty()) {
                throw new IllegalStateException("an UpdateTeamRequest must set at least one field");
            }
            return new UpdateTeamRequest(fields);
        }
    }
}
