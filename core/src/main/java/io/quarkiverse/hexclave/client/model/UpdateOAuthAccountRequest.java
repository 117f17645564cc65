package io.quarkiverse.hexclave.client.model;

import java.util.Map;

/** The body of {@code PATCH /oauth-providers/{user_id}/{provider_id}}: only fields that were set change. */
public final class UpdateOAuthAccountRequest extends RequestBody {

    private UpdateOAuthAccountRequest(Map<String, Object> fields) {
        super(fields);
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds an {@link UpdateOAuthAccountRequest}. */
    public static final class Builder extends OAuthAccountFieldsBuilder<Builder> {

        private Builder() {
        }

        /** {@code account_id}: the account's id at the provider. */
        public Builder accountId(String accountId) {
            return setNonBlank("account_id", accountId, true);
        }

        public UpdateOAuthAccountRequest build() {
            if (fields.isEmpty()) {
                throw new IllegalStateException("an UpdateOAuthAccountRequest must set at least one field");
            }
            return new UpdateOAuthAccountRequest(fields);
        }
    }
}
