package io.quarkiverse.hexclave.client.model;

import java.util.Map;

/** The body of {@code PATCH /team-member-profiles/{team_id}/{user_id}}: only fields that were set change. */
public final class UpdateTeamMemberProfileRequest extends RequestBody {

    private UpdateTeamMemberProfileRequest(Map<String, Object> fields) {
        super(fields);
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds an {@link UpdateTeamMemberProfileRequest}. */
    public static final class Builder extends FieldsBuilder<Builder> {

        private Builder() {
        }

        /** {@code display_name}: the member's name in this team; not blank. */
        public Builder displayName(String displayName) {
            return setNonBlank("display_name", displayName, false);
        }

        /** {@code profile_image_url}: the member's image in this team; {@code null} clears it. */
        public Builder profileImageUrl(String url) {
            return set("profile_image_url", url);
        }

        public UpdateTeamMemberProfileRequest build() {
            if (fields.isEmpty()) {
                throw new IllegalStateException("an UpdateTeamMemberProfileRequest must set at least one field");
            }
            return new UpdateTeamMemberProfileRequest(fields);
        }
    }
}
