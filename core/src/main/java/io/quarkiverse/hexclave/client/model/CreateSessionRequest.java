package io.quarkiverse.hexclave.client.model;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The body of {@code POST /auth/sessions} (wire reference §6.1): a session for {@code user_id}, optionally with a
 * refresh-token lifetime (Hexclave's default 365 days, at most 367) and as an impersonation session.
 */
public final class CreateSessionRequest extends RequestBody {

    /** Longest refresh-token lifetime Hexclave accepts: 367 days. */
    public static final Duration MAX_EXPIRES_IN = Duration.ofDays(367);

    private CreateSessionRequest(Map<String, Object> fields) {
        super(fields);
    }

    /** A builder for a session of {@code userId}. */
    public static Builder forUser(String userId) {
        return new Builder(userId);
    }

    /** Builds a {@link CreateSessionRequest}. */
    public static final class Builder {
        private final Map<String, Object> f = new LinkedHashMap<>();

        private Builder(String userId) {
            if (userId == null || userId.isBlank()) {
                throw new IllegalArgumentException("userId must not be blank");
            }
            f.put("user_id", userId.strip());
        }

        /** Refresh-token lifetime, positive and at most {@link #MAX_EXPIRES_IN}. */
        public Builder expiresIn(Duration expiresIn) {
            Objects.requireNonNull(expiresIn, "expiresIn");
            if (expiresIn.isNegative() || expiresIn.isZero() || expiresIn.compareTo(MAX_EXPIRES_IN) > 0) {
                throw new IllegalArgumentException("expiresIn must be positive and at most 367 days, got " + expiresIn);
            }
            f.put("expires_in_millis", expiresIn.toMillis());
            return this;
        }

        /** Mark it an impersonation session (hidden from non-admin session lists). */
        public Builder impersonation(boolean impersonation) {
            f.put("is_impersonation", impersonation);
            return this;
        }

        public CreateSessionRequest build() {
            return new CreateSessionRequest(f);
        }
    }
}
