package io.quarkiverse.hexclave.client.model;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * The body of {@code POST /user-api-keys} and {@code POST /team-api-keys} (the owner is given to the call): a
 * description, and an expiry unless the key is to live until revoked.
 * <pre>{@code
 * CreateApiKeyRequest.builder("nightly export").expiresAt(Instant.now().plus(Duration.ofDays(90))).build();
 * }</pre>
 */
public final class CreateApiKeyRequest extends RequestBody {

    private CreateApiKeyRequest(Map<String, Object> fields) {
        super(fields);
    }

    /** A builder for a key described as {@code description} (shown in Hexclave's dashboard). */
    public static Builder builder(String description) {
        return new Builder(description);
    }

    /** Builds a {@link CreateApiKeyRequest}. */
    public static final class Builder extends FieldsBuilder<Builder> {

        private Builder(String description) {
            setNonBlank("description", description, false);
        }

        /** When the key stops working. */
        public Builder expiresAt(Instant expiresAt) {
            return set("expires_at_millis", Objects.requireNonNull(expiresAt, "expiresAt").toEpochMilli());
        }

        /** The key works until it is revoked ({@code expires_at_millis: null}). */
        public Builder neverExpires() {
            return set("expires_at_millis", null);
        }

        /** A public key ({@code pk_…}, e.g. for a browser) rather than a secret one ({@code sk_…}, the default). */
        public Builder isPublic(boolean isPublic) {
            return set("is_public", isPublic);
        }

        public CreateApiKeyRequest build() {
            return new CreateApiKeyRequest(fields);
        }
    }
}
