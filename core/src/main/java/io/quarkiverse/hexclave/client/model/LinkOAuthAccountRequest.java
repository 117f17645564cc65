package io.quarkiverse.hexclave.client.model;

import java.util.Map;

/**
 * The body of {@code POST /oauth-providers}: links an account at an OAuth provider to a user. Sign-in and connected
 * account use are off unless switched on.
 * <pre>{@code
 * LinkOAuthAccountRequest.builder(userId, "github", "583231").allowSignIn(true).email("ada@example.com").build();
 * }</pre>
 */
public final class LinkOAuthAccountRequest extends RequestBody {

    private LinkOAuthAccountRequest(Map<String, Object> fields) {
        super(fields);
    }

    /**
     * A builder linking the account {@code accountId} at the provider configured as {@code providerConfigId} (which
     * must exist in the project) to {@code userId}.
     */
    public static Builder builder(String userId, String providerConfigId, String accountId) {
        return new Builder(userId, providerConfigId, accountId);
    }

    /** Builds a {@link LinkOAuthAccountRequest}. */
    public static final class Builder extends OAuthAccountFieldsBuilder<Builder> {

        private Builder(String userId, String providerConfigId, String accountId) {
            setNonBlank("user_id", userId, true);
            setNonBlank("provider_config_id", providerConfigId, true);
            setNonBlank("account_id", accountId, true);
            allowSignIn(false);
            allowConnectedAccounts(false);
        }

        public LinkOAuthAccountRequest build() {
            return new LinkOAuthAccountRequest(fields);
        }
    }
}
