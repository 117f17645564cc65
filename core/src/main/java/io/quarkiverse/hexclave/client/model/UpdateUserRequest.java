package io.quarkiverse.hexclave.client.model;

import java.util.Map;

/**
 * The body of {@code PATCH /users/{id}} and {@code PATCH /users/me} (wire reference §5.5): only fields that were set
 * change; a field set to {@code null} is cleared.
 * <pre>{@code
 * UpdateUserRequest.builder().displayName("Ada L.").serverMetadata(null).build();   // rename, clear server metadata
 * }</pre>
 * With client access ({@code updateMe} without a secret server key) Hexclave accepts only {@code display_name},
 * {@code profile_image_url}, {@code client_metadata}, {@code selected_team_id}, {@code totp_secret_base64},
 * {@code otp_auth_enabled}, {@code passkey_auth_enabled} and {@code primary_email}.
 * {@link #toString()} lists field names only.
 */
public final class UpdateUserRequest extends RequestBody {

    private UpdateUserRequest(Map<String, Object> fields) {
        super(fields);
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds an {@link UpdateUserRequest}. */
    public static final class Builder extends UserFieldsBuilder<Builder> {

        private Builder() {
        }

        /** {@code selected_team_id}; {@code null} deselects. */
        public Builder selectedTeamId(String teamId) {
            return set("selected_team_id", teamId);
        }

        /** {@code is_anonymous = false}: turns an anonymous user into a regular one. */
        public Builder convertFromAnonymous() {
            return set("is_anonymous", false);
        }

        public UpdateUserRequest build() {
            if (fields.isEmpty()) {
                throw new IllegalStateException("an UpdateUserRequest must set at least one field");
            }
            return new UpdateUserRequest(fields);
        }
    }
}
