package io.quarkiverse.hexclave.client.model;

import java.util.List;
import java.util.Map;

/**
 * The body of {@code POST /users} (wire reference §5.4): only the fields that were set are sent; an empty request
 * creates a user with Hexclave's defaults.
 * <pre>{@code
 * CreateUserRequest.builder().primaryEmail("ada@example.com").primaryEmailVerified(true).displayName("Ada").build();
 * }</pre>
 * {@link #toString()} lists field names only, never values (a password may be among them).
 */
public final class CreateUserRequest extends RequestBody {

    private CreateUserRequest(Map<String, Object> fields) {
        super(fields);
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** An empty request: a user with Hexclave's defaults. */
    public static CreateUserRequest empty() {
        return new CreateUserRequest(Map.of());
    }

    /** Builds a {@link CreateUserRequest}. */
    public static final class Builder extends UserFieldsBuilder<Builder> {

        private Builder() {
        }

        /** {@code is_anonymous}: create an anonymous (guest) user. */
        public Builder anonymous(boolean anonymous) {
            return set("is_anonymous", anonymous);
        }

        /** {@code oauth_providers}: link OAuth accounts; each provider id must exist in the project's config. */
        public Builder oauthProviders(List<User.OAuthProvider> providers) {
            if (providers == null) {
                throw new IllegalArgumentException("oauth_providers cannot be null");
            }
            return set("oauth_providers", List.copyOf(providers));
        }

        public CreateUserRequest build() {
            return new CreateUserRequest(fields);
        }
    }
}
