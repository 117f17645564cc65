package io.quarkiverse.hexclave.emulator;

import java.time.Instant;

/**
 * A snapshot of a user held by the emulator (taken when it was returned; later changes are not reflected).
 *
 * @param id the user id (UUID), the {@code sub} of the user's access tokens
 * @param primaryEmail the primary e-mail, or {@code null}
 * @param displayName the display name, or {@code null}
 * @param primaryEmailVerified whether the primary e-mail is verified
 * @param anonymous whether the user is anonymous
 * @param restrictedByAdmin whether an administrator restricted the user
 * @param restrictedByAdminReason the reason shown to a user restricted by an administrator, or {@code null}
 * @param selectedTeamId the selected team id, or {@code null}
 * @param requiresTotpMfa whether the user has TOTP MFA enabled
 * @param signedUpAt when the user signed up (millisecond precision)
 * @param userClass the class the user's tokens are minted for (decided by the fields above)
 */
public record EmulatedUser(
        String id,
        String primaryEmail,
        String displayName,
        boolean primaryEmailVerified,
        boolean anonymous,
        boolean restrictedByAdmin,
        String restrictedByAdminReason,
        String selectedTeamId,
        boolean requiresTotpMfa,
        Instant signedUpAt,
        UserClass userClass) {

    /** Whether the user is restricted (anonymous users are restricted too). */
    public boolean restricted() {
        return userClass != UserClass.NORMAL;
    }
}
