package io.quarkiverse.hexclave.emulator.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;

import io.quarkiverse.hexclave.emulator.EmulatedUser;
import io.quarkiverse.hexclave.emulator.UserClass;

/** A user row. Mutable; only touched while holding the {@link EmulatorStore} lock. */
public final class StoredUser {
    public final String id;
    public String displayName;
    public String primaryEmail;
    public boolean primaryEmailVerified;
    public boolean primaryEmailAuthEnabled;
    public String profileImageUrl;
    public long signedUpAtMillis;
    public long lastActiveAtMillis;
    public JsonNode clientMetadata = NullNode.getInstance();
    public JsonNode clientReadOnlyMetadata = NullNode.getInstance();
    public JsonNode serverMetadata = NullNode.getInstance();
    public boolean hasPassword;
    public boolean otpAuthEnabled;
    public boolean passkeyAuthEnabled;
    public boolean requiresTotpMfa;
    public final List<OAuthProvider> oauthProviders = new ArrayList<>();
    public String selectedTeamId;
    public boolean anonymous;
    public boolean restrictedByAdmin;
    public String restrictedByAdminReason;
    public String restrictedByAdminPrivateDetails;
    public String countryCode;
    public int riskBot;
    public int riskFreeTrialAbuse;

    public StoredUser(String id) {
        this.id = id;
    }

    /** A deep copy, for validate-then-commit updates. */
    public StoredUser copy() {
        StoredUser c = new StoredUser(id);
        c.assignFrom(this);
        return c;
    }

    /** Copies every mutable field of another row (of the same id) into this one. */
    public void assignFrom(StoredUser o) {
        displayName = o.displayName;
        primaryEmail = o.primaryEmail;
        primaryEmailVerified = o.primaryEmailVerified;
        primaryEmailAuthEnabled = o.primaryEmailAuthEnabled;
        profileImageUrl = o.profileImageUrl;
        signedUpAtMillis = o.signedUpAtMillis;
        lastActiveAtMillis = o.lastActiveAtMillis;
        clientMetadata = o.clientMetadata.deepCopy();
        clientReadOnlyMetadata = o.clientReadOnlyMetadata.deepCopy();
        serverMetadata = o.serverMetadata.deepCopy();
        hasPassword = o.hasPassword;
        otpAuthEnabled = o.otpAuthEnabled;
        passkeyAuthEnabled = o.passkeyAuthEnabled;
        requiresTotpMfa = o.requiresTotpMfa;
        oauthProviders.clear();
        oauthProviders.addAll(o.oauthProviders);
        selectedTeamId = o.selectedTeamId;
        anonymous = o.anonymous;
        restrictedByAdmin = o.restrictedByAdmin;
        restrictedByAdminReason = o.restrictedByAdminReason;
        restrictedByAdminPrivateDetails = o.restrictedByAdminPrivateDetails;
        countryCode = o.countryCode;
        riskBot = o.riskBot;
        riskFreeTrialAbuse = o.riskFreeTrialAbuse;
    }

    /** An OAuth account link. */
    public record OAuthProvider(String id, String accountId, String email) {
    }

    /** The restricted reason type, or {@code null} for a normal user (wire reference §3.2). */
    public String restrictedReasonType(boolean requireEmailVerification) {
        if (anonymous) {
            return "anonymous";
        }
        if (requireEmailVerification && !(primaryEmail != null && primaryEmailVerified)) {
            return "email_not_verified";
        }
        if (restrictedByAdmin) {
            return "restricted_by_administrator";
        }
        return null;
    }

    public UserClass userClass(boolean requireEmailVerification) {
        if (anonymous) {
            return UserClass.ANONYMOUS;
        }
        return restrictedReasonType(requireEmailVerification) == null ? UserClass.NORMAL : UserClass.RESTRICTED;
    }

    public EmulatedUser snapshot(boolean requireEmailVerification) {
        return new EmulatedUser(id, primaryEmail, displayName, primaryEmailVerified, anonymous, restrictedByAdmin,
                restrictedByAdminReason, selectedTeamId, requiresTotpMfa, Instant.ofEpochMilli(signedUpAtMillis),
                userClass(requireEmailVerification));
    }
}
