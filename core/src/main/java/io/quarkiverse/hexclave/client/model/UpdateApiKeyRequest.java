package io.quarkiverse.hexclave.client.model;

import java.util.Map;

/**
 * The body of {@code PATCH /user-api-keys/{id}} and {@code PATCH /team-api-keys/{id}}: a new description, and/or
 * revocation (which cannot be undone).
 */
public final class UpdateApiKeyRequest extends RequestBody {

    private UpdateApiKeyRequest(Map<String, Object> fields) {
        super(fields);
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds an {@link UpdateApiKeyRequest}. */
    public static final class Builder extends FieldsBuilder<Builder> {

        private Builder() {
        }

        /** A new description; not blank. */
        public Builder description(String description) {
            return setNonBlank("description", description, false);
        }

        /** Revoke the key: it stops working at once, for good. */
        public Builder revoke() {
            return set("revoked", true);
        }

        public UpdateApiKeyRequest build() {
            if (fields.isEmpty()) {
                throw new IllegalStateException("an UpdateApiKeyRequest must set at least one field");
            }
            return new UpdateApiKeyRequest(fields);
        }
    }
}
