package io.quarkiverse.hexclave.client.model;

import java.util.Map;

/**
 * The body of {@code POST /contact-channels}: an e-mail address for a user, not used for sign-in unless
 * {@link Builder#usedForAuth(boolean) usedForAuth(true)}.
 * <pre>{@code
 * CreateContactChannelRequest.email(userId, "ada@example.org").usedForAuth(true).verified(true).build();
 * }</pre>
 */
public final class CreateContactChannelRequest extends RequestBody {

    private CreateContactChannelRequest(Map<String, Object> fields) {
        super(fields);
    }

    /** A builder for an e-mail contact channel of {@code userId}. */
    public static Builder email(String userId, String address) {
        return new Builder(userId, address);
    }

    /** Builds a {@link CreateContactChannelRequest}. */
    public static final class Builder extends ContactChannelFieldsBuilder<Builder> {

        private Builder(String userId, String address) {
            setNonBlank("user_id", userId, true);
            set("type", "email");
            setNonBlank("value", address, true);
            set("used_for_auth", false);
        }

        public CreateContactChannelRequest build() {
            return new CreateContactChannelRequest(fields);
        }
    }
}
