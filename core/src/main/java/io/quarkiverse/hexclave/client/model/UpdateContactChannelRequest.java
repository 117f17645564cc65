package io.quarkiverse.hexclave.client.model;

import java.util.Map;

/** The body of {@code PATCH /contact-channels/{user_id}/{contact_channel_id}}: only fields that were set change. */
public final class UpdateContactChannelRequest extends RequestBody {

    private UpdateContactChannelRequest(Map<String, Object> fields) {
        super(fields);
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds an {@link UpdateContactChannelRequest}. */
    public static final class Builder extends ContactChannelFieldsBuilder<Builder> {

        private Builder() {
        }

        /** {@code value}: a new e-mail address (Hexclave then marks it unverified unless told otherwise). */
        public Builder value(String address) {
            return setNonBlank("value", address, true);
        }

        public UpdateContactChannelRequest build() {
            if (fields.isEmpty()) {
                throw new IllegalStateException("an UpdateContactChannelRequest must set at least one field");
            }
            return new UpdateContactChannelRequest(fields);
        }
    }
}
