package io.quarkiverse.hexclave.client.model;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;

/**
 * A Hexclave user, server view (wire reference §5.3). Fields the client view of {@code /users/me} leaves out are
 * {@code null} (objects) or {@code false}. Unknown fields are ignored, so new Hexclave fields do not break reading.
 * Metadata fields are JSON trees; a JSON {@code null} is {@link NullNode}. {@link #toString()} shows the id only.
 */
public record User(
        String id,
        String displayName,
        String primaryEmail,
        boolean primaryEmailVerified,
        boolean primaryEmailAuthEnabled,
        String profileImageUrl,
        Long signedUpAtMillis,
        Long lastActiveAtMillis,
        JsonNode clientMetadata,
        JsonNode clientReadOnlyMetadata,
        JsonNode serverMetadata,
        boolean hasPassword,
        boolean otpAuthEnabled,
        boolean passkeyAuthEnabled,
        boolean authWithEmail,
        boolean requiresTotpMfa,
        List<OAuthProvider> oauthProviders,
        String selectedTeamId,
        Team selectedTeam,
        boolean isAnonymous,
        boolean isRestricted,
        RestrictedReason restrictedReason,
        boolean restrictedByAdmin,
        String restrictedByAdminReason,
        String restrictedByAdminPrivateDetails,
        String countryCode,
        RiskScores riskScores) {

    public User {
        clientMetadata = clientMetadata == null ? NullNode.getInstance() : clientMetadata;
        clientReadOnlyMetadata = clientReadOnlyMetadata == null ? NullNode.getInstance() : clientReadOnlyMetadata;
        serverMetadata = serverMetadata == null ? NullNode.getInstance() : serverMetadata;
        oauthProviders = oauthProviders == null ? List.of() : List.copyOf(oauthProviders);
    }

    /** The display name, else the primary e-mail, else the id: what to greet the user with. */
    public String displayNameOrEmail() {
        if (displayName != null && !displayName.isBlank()) {
            return displayName;
        }
        return primaryEmail != null ? primaryEmail : id;
    }

    /** When the user signed up, if the view includes it. */
    public Optional<Instant> signedUpAt() {
        return Optional.ofNullable(signedUpAtMillis).map(Instant::ofEpochMilli);
    }

    /** When the user was last active, if the view includes it. */
    public Optional<Instant> lastActiveAt() {
        return Optional.ofNullable(lastActiveAtMillis).map(Instant::ofEpochMilli);
    }

    @Override
    public String toString() {
        return "User[id=" + id + "]";
    }

    /** A linked OAuth account: {@code id} is the provider config id (e.g. {@code google}). */
    public record OAuthProvider(String id, String accountId, String email) {
    }

    /** Why a user is restricted: {@code type} is {@code anonymous}, {@code email_not_verified} or {@code restricted_by_administrator}. */
    public record RestrictedReason(String type) {
    }

    /** Risk scores computed at sign-up, each 0–100. */
    public record RiskScores(SignUpRiskScores signUp) {
    }

    /** The sign-up risk scores: bot likelihood and free-trial abuse likelihood, 0–100. */
    public record SignUpRiskScores(int bot, int freeTrialAbuse) {
    }
}
