package io.quarkiverse.hexclave.apikey;

import java.util.Objects;

import io.quarkiverse.hexclave.client.model.ApiKey;
import io.quarkiverse.hexclave.verifier.Challenge;
import io.quarkiverse.hexclave.verifier.RejectionReason;

/**
 * What Hexclave said about a presented API key: accepted (with the key's description and owner), refused (with the
 * reason: unknown or malformed, expired, revoked, or a key of the other type), or Hexclave could not be asked.
 */
public sealed interface ApiKeyCheck permits ApiKeyCheck.Accepted, ApiKeyCheck.Refused, ApiKeyCheck.Unavailable {

    /**
     * A valid key.
     *
     * @param key the key's description: {@link ApiKey#type()} and {@link ApiKey#ownerId()} (the user id of a user
     *        key, the team id of a team key), never the key itself
     */
    record Accepted(ApiKey key) implements ApiKeyCheck {
        public Accepted {
            Objects.requireNonNull(key, "key");
        }
    }

    /**
     * A refused key; {@link #challenge()} is the 401 to answer with.
     *
     * @param reason {@link RejectionReason#API_KEY_INVALID}, {@link RejectionReason#API_KEY_EXPIRED},
     *        {@link RejectionReason#API_KEY_REVOKED} or {@link RejectionReason#API_KEY_WRONG_TYPE}
     */
    record Refused(RejectionReason reason) implements ApiKeyCheck {
        public Refused {
            Objects.requireNonNull(reason, "reason");
        }

        /** 401 with the RFC 6750 challenge naming the reason. */
        public Challenge challenge() {
            return Challenge.unauthorized(reason);
        }
    }

    /**
     * Hexclave could not be asked (unreachable, timed out, or answering with a server error); never cached. Adapters
     * answer the keys-unavailable status.
     *
     * @param detail a fixed description for logs (no key data)
     */
    record Unavailable(String detail) implements ApiKeyCheck {
        public Unavailable {
            Objects.requireNonNull(detail, "detail");
        }
    }
}
