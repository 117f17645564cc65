package io.quarkiverse.hexclave.emulator;

import java.time.Instant;
import java.util.Objects;

/**
 * What to create with {@link HexclaveEmulator#createUser(NewUser)}. Build one with {@link #withEmail(String)},
 * {@link #anonymousUser()} or {@link #builder()}.
 * <p>
 * Metadata values are anything Jackson can serialise (maps, lists, strings, numbers, records …).
 * A password is kept only as a salted hash in the emulator, so the user can sign in with it
 * ({@code POST /auth/password/sign-in}); it never appears in {@code toString()} or any response.
 */
public final class NewUser {

    private final String primaryEmail;
    private final String displayName;
    private final boolean emailVerified;
    private final boolean primaryEmailAuthEnabled;
    private final boolean anonymous;
    private final boolean restrictedByAdmin;
    private final String restrictedByAdminReason;
    private final String restrictedByAdminPrivateDetails;
    private final Object serverMetadata;
    private final Object clientMetadata;
    private final Object clientReadOnlyMetadata;
    private final String password;
    private final boolean requiresTotpMfa;
    private final String profileImageUrl;
    private final Instant signedUpAt;

    private NewUser(Builder b) {
        this.primaryEmail = b.primaryEmail;
        this.displayName = b.displayName;
        this.emailVerified = b.emailVerified;
        this.primaryEmailAuthEnabled = b.primaryEmailAuthEnabled;
        this.anonymous = b.anonymous;
        this.restrictedByAdmin = b.restrictedByAdmin;
        this.restrictedByAdminReason = b.restrictedByAdminReason;
        this.restrictedByAdminPrivateDetails = b.restrictedByAdminPrivateDetails;
        this.serverMetadata = b.serverMetadata;
        this.clientMetadata = b.clientMetadata;
        this.clientReadOnlyMetadata = b.clientReadOnlyMetadata;
        this.password = b.password;
        this.requiresTotpMfa = b.requiresTotpMfa;
        this.profileImageUrl = b.profileImageUrl;
        this.signedUpAt = b.signedUpAt;
    }

    /** A builder for a user with this primary e-mail, verified by default. */
    public static Builder withEmail(String primaryEmail) {
        return new Builder().primaryEmail(Objects.requireNonNull(primaryEmail, "primaryEmail"));
    }

    /** A builder for an anonymous user (no e-mail). */
    public static Builder anonymousUser() {
        return new Builder().anonymous(true);
    }

    /** An empty builder: a user with no e-mail and no name, like {@code POST /users} with {@code {}}. */
    public static Builder builder() {
        return new Builder();
    }

    public String primaryEmail() {
        return primaryEmail;
    }

    public String displayName() {
        return displayName;
    }

    public boolean emailVerified() {
        return emailVerified;
    }

    public boolean primaryEmailAuthEnabled() {
        return primaryEmailAuthEnabled;
    }

    public boolean anonymous() {
        return anonymous;
    }

    public boolean restrictedByAdmin() {
        return restrictedByAdmin;
    }

    public String restrictedByAdminReason() {
        return restrictedByAdminReason;
    }

    public String restrictedByAdminPrivateDetails() {
        return restrictedByAdminPrivateDetails;
    }

    public Object serverMetadata() {
        return serverMetadata;
    }

    public Object clientMetadata() {
        return clientMetadata;
    }

    public Object clientReadOnlyMetadata() {
        return clientReadOnlyMetadata;
    }

    /** Whether a password was given. */
    public boolean hasPassword() {
        return password != null;
    }

    /** The password to sign in with, or {@code null}. */
    String password() {
        return password;
    }

    public boolean requiresTotpMfa() {
        return requiresTotpMfa;
    }

    public String profileImageUrl() {
        return profileImageUrl;
    }

    /** The sign-up time to record, or {@code null} for "now". */
    public Instant signedUpAt() {
        return signedUpAt;
    }

    @Override
    public String toString() {
        return "NewUser[primaryEmail=" + primaryEmail + ", displayName=" + displayName + ", anonymous=" + anonymous
                + ", restrictedByAdmin=" + restrictedByAdmin + "]";
    }

    /** Builder of {@link NewUser}. */
    public static final class Builder {
        private String primaryEmail;
        private String displayName;
        private boolean emailVerified = true;
        private boolean primaryEmailAuthEnabled;
        private boolean anonymous;
        private boolean restrictedByAdmin;
        private String restrictedByAdminReason;
        private String restrictedByAdminPrivateDetails;
        private Object serverMetadata;
        private Object clientMetadata;
        private Object clientReadOnlyMetadata;
        private String password;
        private boolean requiresTotpMfa;
        private String profileImageUrl;
        private Instant signedUpAt;

        private Builder() {
        }

        /** The primary e-mail ({@code null} for none). */
        public Builder primaryEmail(String primaryEmail) {
            this.primaryEmail = primaryEmail;
            return this;
        }

        /** The display name ({@code null} or empty for none). */
        public Builder displayName(String displayName) {
            this.displayName = displayName;
            return this;
        }

        /** Whether the primary e-mail is verified; default true (ignored without an e-mail). */
        public Builder emailVerified(boolean emailVerified) {
            this.emailVerified = emailVerified;
            return this;
        }

        /** Whether the primary e-mail is usable for sign-in; default false. */
        public Builder primaryEmailAuthEnabled(boolean enabled) {
            this.primaryEmailAuthEnabled = enabled;
            return this;
        }

        /** Whether the user is anonymous; default false. */
        public Builder anonymous(boolean anonymous) {
            this.anonymous = anonymous;
            return this;
        }

        /** Restricts the user by an administrator, with the reason shown to the user ({@code null} allowed). */
        public Builder restrictedByAdmin(String reason) {
            this.restrictedByAdmin = true;
            this.restrictedByAdminReason = reason;
            return this;
        }

        /** Restricts the user by an administrator, with a reason and server-only private details. */
        public Builder restrictedByAdmin(String reason, String privateDetails) {
            restrictedByAdmin(reason);
            this.restrictedByAdminPrivateDetails = privateDetails;
            return this;
        }

        /** Server-only metadata (any Jackson-serialisable value). */
        public Builder serverMetadata(Object value) {
            this.serverMetadata = value;
            return this;
        }

        /** Client-writable metadata (any Jackson-serialisable value). */
        public Builder clientMetadata(Object value) {
            this.clientMetadata = value;
            return this;
        }

        /** Client-readable, server-writable metadata (any Jackson-serialisable value). */
        public Builder clientReadOnlyMetadata(Object value) {
            this.clientReadOnlyMetadata = value;
            return this;
        }

        /**
         * Gives the user a password to sign in with ({@code POST /auth/password/sign-in}); the emulator keeps only a
         * salted hash of it.
         */
        public Builder password(String password) {
            this.password = password;
            return this;
        }

        /** Whether the user has TOTP MFA enabled (the {@code requires_totp_mfa} claim); default false. */
        public Builder requiresTotpMfa(boolean requiresTotpMfa) {
            this.requiresTotpMfa = requiresTotpMfa;
            return this;
        }

        /** The profile image URL. */
        public Builder profileImageUrl(String url) {
            this.profileImageUrl = url;
            return this;
        }

        /** The sign-up time to record (default: now); useful for ordering tests. */
        public Builder signedUpAt(Instant signedUpAt) {
            this.signedUpAt = signedUpAt;
            return this;
        }

        public NewUser build() {
            return new NewUser(this);
        }
    }
}
