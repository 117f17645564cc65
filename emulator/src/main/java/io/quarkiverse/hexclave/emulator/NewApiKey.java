package io.quarkiverse.hexclave.emulator;

import java.time.Instant;
import java.util.Objects;

/**
 * What to create with {@link HexclaveEmulator#createApiKey(NewApiKey)}: a user or a team API key, as
 * {@code POST /user-api-keys} or {@code POST /team-api-keys} would.
 *
 * <pre>{@code
 * EmulatedApiKey key = emu.createApiKey(NewApiKey.forUser(ada.id()).description("CI").build());
 * String secret = key.value(); // sk_…, shown once
 * }</pre>
 */
public final class NewApiKey {

    private final String type;
    private final String ownerId;
    private final String description;
    private final Instant expiresAt;
    private final boolean isPublic;

    private NewApiKey(Builder b) {
        this.type = b.type;
        this.ownerId = b.ownerId;
        this.description = b.description;
        this.expiresAt = b.expiresAt;
        this.isPublic = b.isPublic;
    }

    /** A key of this user. */
    public static Builder forUser(String userId) {
        return new Builder("user", Objects.requireNonNull(userId, "userId"));
    }

    /** A key of this team. */
    public static Builder forTeam(String teamId) {
        return new Builder("team", Objects.requireNonNull(teamId, "teamId"));
    }

    /** {@code user} or {@code team}. */
    public String type() {
        return type;
    }

    public String ownerId() {
        return ownerId;
    }

    public String description() {
        return description;
    }

    /** When the key expires, or {@code null} for never. */
    public Instant expiresAt() {
        return expiresAt;
    }

    public boolean isPublic() {
        return isPublic;
    }

    /** Builder of {@link NewApiKey}. */
    public static final class Builder {
        private final String type;
        private final String ownerId;
        private String description = "";
        private Instant expiresAt;
        private boolean isPublic;

        private Builder(String type, String ownerId) {
            this.type = type;
            this.ownerId = ownerId;
        }

        /** The description (default empty). */
        public Builder description(String description) {
            this.description = Objects.requireNonNull(description, "description");
            return this;
        }

        /** When the key expires (default never); a past instant makes an already expired key. */
        public Builder expiresAt(Instant expiresAt) {
            this.expiresAt = expiresAt;
            return this;
        }

        /** Whether it is a public key, {@code pk_…} (default false: a secret key, {@code sk_…}). */
        public Builder isPublic(boolean isPublic) {
            this.isPublic = isPublic;
            return this;
        }

        public NewApiKey build() {
            return new NewApiKey(this);
        }
    }
}
