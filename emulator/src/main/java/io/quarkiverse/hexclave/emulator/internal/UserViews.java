package io.quarkiverse.hexclave.emulator.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The JSON views of a user (§5.3): the server view and the client view. Call while holding the store lock. */
final class UserViews {

    private UserViews() {
    }

    static ObjectNode server(StoredUser u, EmulatedProject p) {
        ObjectNode o = Json.object();
        o.put("id", u.id);
        o.put("primary_email", u.primaryEmail());
        o.put("primary_email_verified", u.primaryEmailVerified());
        o.put("primary_email_auth_enabled", u.primaryEmailAuthEnabled());
        o.put("display_name", u.displayName);
        StoredTeam team = u.selectedTeamId == null ? null : p.store().team(u.selectedTeamId);
        if (team == null) {
            o.putNull("selected_team");
        } else {
            o.set("selected_team", TeamViews.server(team));
        }
        o.put("selected_team_id", team == null ? null : team.id);
        o.put("profile_image_url", u.profileImageUrl);
        o.put("signed_up_at_millis", u.signedUpAtMillis);
        o.set("client_metadata", u.clientMetadata.deepCopy());
        o.set("client_read_only_metadata", u.clientReadOnlyMetadata.deepCopy());
        o.set("server_metadata", u.serverMetadata.deepCopy());
        o.put("last_active_at_millis", u.lastActiveAtMillis);
        authFlags(o, u);
        restriction(o, u, p);
        o.put("restricted_by_admin_private_details", u.restrictedByAdmin ? u.restrictedByAdminPrivateDetails : null);
        o.put("country_code", u.countryCode);
        ObjectNode signUp = o.putObject("risk_scores").putObject("sign_up");
        signUp.put("bot", u.riskBot);
        signUp.put("free_trial_abuse", u.riskFreeTrialAbuse);
        return o;
    }

    static ObjectNode client(StoredUser u, EmulatedProject p) {
        ObjectNode o = Json.object();
        o.put("id", u.id);
        o.put("primary_email", u.primaryEmail());
        o.put("primary_email_verified", u.primaryEmailVerified());
        o.put("display_name", u.displayName);
        o.set("client_metadata", u.clientMetadata.deepCopy());
        o.set("client_read_only_metadata", u.clientReadOnlyMetadata.deepCopy());
        o.put("profile_image_url", u.profileImageUrl);
        o.put("signed_up_at_millis", u.signedUpAtMillis);
        StoredTeam team = u.selectedTeamId == null ? null : p.store().team(u.selectedTeamId);
        o.put("selected_team_id", team == null ? null : team.id);
        if (team == null) {
            o.putNull("selected_team");
        } else {
            o.set("selected_team", TeamViews.client(team));
        }
        authFlags(o, u);
        restriction(o, u, p);
        return o;
    }

    private static void authFlags(ObjectNode o, StoredUser u) {
        o.put("has_password", u.hasPassword);
        o.put("otp_auth_enabled", u.otpAuthEnabled);
        o.put("passkey_auth_enabled", u.passkeyAuthEnabled);
        o.put("auth_with_email", u.hasPassword || u.otpAuthEnabled);
        o.put("requires_totp_mfa", u.requiresTotpMfa);
        ArrayNode providers = o.putArray("oauth_providers");
        for (StoredOAuthAccount a : u.oauthAccounts) {
            providers.addObject().put("id", a.providerConfigId).put("account_id", a.accountId).put("email", a.email);
        }
    }

    private static void restriction(ObjectNode o, StoredUser u, EmulatedProject p) {
        String reason = u.restrictedReasonType(p.requireEmailVerification());
        o.put("is_anonymous", u.anonymous);
        o.put("is_restricted", reason != null);
        if (reason == null) {
            o.putNull("restricted_reason");
        } else {
            o.putObject("restricted_reason").put("type", reason);
        }
        o.put("restricted_by_admin", u.restrictedByAdmin);
        o.put("restricted_by_admin_reason", u.restrictedByAdmin ? u.restrictedByAdminReason : null);
    }
}
