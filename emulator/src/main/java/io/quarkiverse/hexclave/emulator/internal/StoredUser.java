package io.quarkiverse.hexclave.emulator.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;

import io.quarkiverse.hexclave.emulator.EmulatedUser;
import io.quarkiverse.hexclave.emulator.UserClass;

/** A user row. Mutable; only touched while holding the {@link EmulatorStore} lock. */
public final class StoredUser {
    public final String id;
    public String displayName;
    /** The contact channels, in creation order; the primary e-mail is the one marked primary. */
    public final List<StoredContactChannel> contactChannels = new ArrayList<>();
    public String profileImageUrl;
    public long signedUpAtMillis;
    public long lastActiveAtMillis;
    public JsonNode clientMetadata = NullNode.getInstance();
    public JsonNode clientReadOnlyMetadata = NullNode.getInstance();
    public JsonNode serverMetadata = NullNode.getInstance();
    public boolean hasPassword;
    /** The salted hash of a password given in the clear ({@link Passwords}), or {@code null}. */
    public String passwordHash;
    public boolean otpAuthEnabled;
    public boolean passkeyAuthEnabled;
    public boolean requiresTotpMfa;
    /** Linked OAuth accounts, in creation order. */
    public final List<StoredOAuthAccount> oauthAccounts = new ArrayList<>();
    /** notification category id → enabled, for the categories the user changed. */
    public final Map<String, Boolean> notificationPreferences = new LinkedHashMap<>();
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

    /** Gives the user this password (kept as a salted hash) or, with {@code null}, none. */
    public void password(String password) {
        hasPassword = password != null;
        passwordHash = password == null ? null : Passwords.hash(password);
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
        contactChannels.clear();
        o.contactChannels.forEach(c -> contactChannels.add(c.copy()));
        profileImageUrl = o.profileImageUrl;
        signedUpAtMillis = o.signedUpAtMillis;
        lastActiveAtMillis = o.lastActiveAtMillis;
        clientMetadata = o.clientMetadata.deepCopy();
        clientReadOnlyMetadata = o.clientReadOnlyMetadata.deepCopy();
        serverMetadata = o.serverMetadata.deepCopy();
        hasPassword = o.hasPassword;
        passwordHash = o.passwordHash;
        otpAuthEnabled = o.otpAuthEnabled;
        passkeyAuthEnabled = o.passkeyAuthEnabled;
        requiresTotpMfa = o.requiresTotpMfa;
        oauthAccounts.clear();
        o.oauthAccounts.forEach(a -> oauthAccounts.add(a.copy()));
        notificationPreferences.clear();
        notificationPreferences.putAll(o.notificationPreferences);
        selectedTeamId = o.selectedTeamId;
        anonymous = o.anonymous;
        restrictedByAdmin = o.restrictedByAdmin;
        restrictedByAdminReason = o.restrictedByAdminReason;
        restrictedByAdminPrivateDetails = o.restrictedByAdminPrivateDetails;
        countryCode = o.countryCode;
        riskBot = o.riskBot;
        riskFreeTrialAbuse = o.riskFreeTrialAbuse;
    }

    // ------------------------------------------------------------------ primary e-mail (a contact channel)

    /** The primary e-mail channel, or {@code null}. */
    public StoredContactChannel primaryEmailChannel() {
        for (StoredContactChannel c : contactChannels) {
            if (c.primary) {
                return c;
            }
        }
        return null;
    }

    public String primaryEmail() {
        StoredContactChannel c = primaryEmailChannel();
        return c == null ? null : c.value;
    }

    public boolean primaryEmailVerified() {
        StoredContactChannel c = primaryEmailChannel();
        return c != null && c.verified;
    }

    public boolean primaryEmailAuthEnabled() {
        StoredContactChannel c = primaryEmailChannel();
        return c != null && c.usedForAuth;
    }

    /** The contact channel with this id, or {@code null}. */
    public StoredContactChannel contactChannel(String channelId) {
        for (StoredContactChannel c : contactChannels) {
            if (c.id.equals(channelId)) {
                return c;
            }
        }
        return null;
    }

    /** The contact channel with this e-mail (any case), or {@code null}. */
    public StoredContactChannel contactChannelWithValue(String email) {
        for (StoredContactChannel c : contactChannels) {
            if (c.value.equalsIgnoreCase(email)) {
                return c;
            }
        }
        return null;
    }

    /** Makes this channel the only primary one. */
    public void makePrimary(StoredContactChannel channel) {
        contactChannels.forEach(c -> c.primary = false);
        channel.primary = true;
    }

    /**
     * Applies the {@code primary_email*} fields of a user create/update as Hexclave does: a new address becomes (or
     * upgrades an existing channel to) the primary channel and the old one is demoted, not deleted; {@code null}
     * demotes the primary channel; the flags alone change the primary channel in place.
     *
     * @param emailGiven whether {@code primary_email} was in the request
     * @param email the normalised address, or {@code null} to remove the primary e-mail
     * @param verified {@code primary_email_verified}, or {@code null} when absent
     * @param authEnabled {@code primary_email_auth_enabled}, or {@code null} when absent
     */
    public void updatePrimaryEmail(boolean emailGiven, String email, Boolean verified, Boolean authEnabled,
            long nowMillis) {
        StoredContactChannel primary = primaryEmailChannel();
        if (!emailGiven) {
            if (primary != null && verified != null) {
                primary.verified = verified;
            }
            if (primary != null && authEnabled != null) {
                primary.usedForAuth = authEnabled;
            }
            return;
        }
        if (email == null) {
            contactChannels.forEach(c -> c.primary = false);
            return;
        }
        boolean usedForAuth = authEnabled != null ? authEnabled : primary != null && primary.usedForAuth;
        StoredContactChannel channel = contactChannelWithValue(email);
        if (channel == null) {
            channel = new StoredContactChannel(UUID.randomUUID().toString(), nowMillis, email);
            channel.verified = Boolean.TRUE.equals(verified);
            contactChannels.add(channel);
        } else if (verified != null) {
            channel.verified = verified;
        }
        channel.usedForAuth = usedForAuth;
        makePrimary(channel);
    }

    /** The restricted reason type, or {@code null} for a normal user (wire reference §3.2). */
    public String restrictedReasonType(boolean requireEmailVerification) {
        if (anonymous) {
            return "anonymous";
        }
        if (requireEmailVerification && !primaryEmailVerified()) {
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
        return new EmulatedUser(id, primaryEmail(), displayName, primaryEmailVerified(), anonymous, restrictedByAdmin,
                restrictedByAdminReason, selectedTeamId, requiresTotpMfa, Instant.ofEpochMilli(signedUpAtMillis),
                userClass(requireEmailVerification));
    }
}
