package io.quarkiverse.hexclave.client.model;

/**
 * The fields {@link CreateUserRequest} and {@link UpdateUserRequest} share (wire reference §5.4, §5.5).
 * <p>
 * A field that is never set is not sent, so Hexclave leaves it alone. For a nullable field, passing {@code null}
 * sends an explicit JSON {@code null}, which clears it. Non-nullable fields take primitives and cannot be cleared.
 *
 * @param <B> the concrete builder
 */
public abstract class UserFieldsBuilder<B extends UserFieldsBuilder<B>> extends MetadataFieldsBuilder<B> {

    UserFieldsBuilder() {
    }

    /** {@code display_name}; {@code null} clears it. */
    public B displayName(String displayName) {
        return set("display_name", displayName);
    }

    /** {@code primary_email}; {@code null} removes it. */
    public B primaryEmail(String email) {
        return set("primary_email", email);
    }

    /** {@code primary_email_verified}; requires a primary e-mail. */
    public B primaryEmailVerified(boolean verified) {
        return set("primary_email_verified", verified);
    }

    /** {@code primary_email_auth_enabled}: the e-mail can be used to sign in; requires a primary e-mail. */
    public B primaryEmailAuthEnabled(boolean enabled) {
        return set("primary_email_auth_enabled", enabled);
    }

    /**
     * {@code password} (at most 70 characters); {@code null} removes the password. On update, setting it revokes all
     * of the user's sessions. Never printed by {@link Object#toString()}.
     */
    public B password(String password) {
        fields.remove("password_hash");
        return set("password", password);
    }

    /** {@code password_hash} in Modular Crypt Format (e.g. bcrypt {@code $2a$10$…}); replaces {@link #password(String)}. */
    public B passwordHash(String hash) {
        if (hash == null) {
            throw new IllegalArgumentException("password_hash cannot be null; use password(null) to remove the password");
        }
        fields.remove("password");
        return set("password_hash", hash);
    }

    /** {@code otp_auth_enabled}: magic link / one-time code sign-in. */
    public B otpAuthEnabled(boolean enabled) {
        return set("otp_auth_enabled", enabled);
    }

    /** {@code passkey_auth_enabled}. */
    public B passkeyAuthEnabled(boolean enabled) {
        return set("passkey_auth_enabled", enabled);
    }

    /** {@code totp_secret_base64}; {@code null} disables TOTP. */
    public B totpSecretBase64(String secret) {
        return set("totp_secret_base64", secret);
    }

    /** {@code restricted_by_admin}. */
    public B restrictedByAdmin(boolean restricted) {
        return set("restricted_by_admin", restricted);
    }

    /** {@code restricted_by_admin_reason} (shown to the user); needs {@code restricted_by_admin = true}. */
    public B restrictedByAdminReason(String reason) {
        return set("restricted_by_admin_reason", reason);
    }

    /** {@code restricted_by_admin_private_details}; needs {@code restricted_by_admin = true}. */
    public B restrictedByAdminPrivateDetails(String details) {
        return set("restricted_by_admin_private_details", details);
    }

    /** {@code country_code}, ISO 3166 alpha-2; {@code null} clears it. */
    public B countryCode(String countryCode) {
        return set("country_code", countryCode);
    }

    /** {@code risk_scores}. */
    public B riskScores(User.RiskScores riskScores) {
        if (riskScores == null) {
            throw new IllegalArgumentException("risk_scores cannot be null");
        }
        return set("risk_scores", riskScores);
    }
}
