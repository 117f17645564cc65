package io.quarkiverse.hexclave.emulator;

import java.time.Instant;

/**
 * A code the emulated project would have e-mailed: read it through {@link HexclaveEmulator#pendingCodes()} instead of
 * an inbox, then send it where the e-mail's link leads (e.g. {@code POST /contact-channels/verify}).
 *
 * @param id the code's id (for a team invitation, the invitation id of {@code GET /team-invitations})
 * @param purpose what the code is for
 * @param recipient the e-mail address it would have been sent to
 * @param code the code itself (a secret)
 * @param link the link of the e-mail: the request's {@code callback_url} with {@code code} appended
 * @param expiresAt when the code expires (7 days after it was sent)
 */
public record VerificationCode(String id, Purpose purpose, String recipient, String code, String link,
        Instant expiresAt) {

    /** What a code is for. */
    public enum Purpose {
        /** Verifies a contact channel ({@code POST /contact-channels/{user_id}/{id}/send-verification-code}). */
        CONTACT_CHANNEL_VERIFICATION,
        /** Invites to a team ({@code POST /team-invitations/send-code}). */
        TEAM_INVITATION,
        /**
         * Signs in by e-mail ({@code POST /auth/otp/send-sign-in-code}): the link is the magic link; the one-time code
         * a user would type is {@link VerificationCode#otp()}.
         */
        SIGN_IN,
        /** Resets a password ({@code POST /auth/password/send-reset-code}); the link leads to the reset page. */
        PASSWORD_RESET
    }

    /**
     * The six characters an e-mail shows as the one-time code (upper case): the first six of {@link #code()}; a frontend
     * sends them followed by the {@code nonce} of the send-code answer.
     */
    public String otp() {
        return code.substring(0, 6).toUpperCase(java.util.Locale.ROOT);
    }

    /** Hides the code and the link (which carries it). */
    @Override
    public String toString() {
        return "VerificationCode[id=" + id + ", purpose=" + purpose + ", recipient=" + recipient + ", code=****, expiresAt="
                + expiresAt + "]";
    }
}
