package io.quarkiverse.hexclave.emulator.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkiverse.hexclave.emulator.VerificationCode;

/**
 * Team invitations: send (the code is not e-mailed; {@code HexclaveEmulator.pendingCodes()} hands it out), list,
 * revoke, and accept by code or by id.
 */
final class TeamInvitationRoutes {

    private static final VerificationCode.Purpose INVITATION = VerificationCode.Purpose.TEAM_INVITATION;

    private final EmulatedProject project;
    private final EmulatorStore store;

    TeamInvitationRoutes(EmulatedProject project) {
        this.project = project;
        this.store = project.store();
    }

    void register(ApiServer server) {
        server.route("POST", "/api/v1/team-invitations/send-code", true, this::send);
        server.route("GET", "/api/v1/team-invitations", true, this::list);
        server.route("DELETE", "/api/v1/team-invitations/([^/]+)", true, this::revoke);
        server.route("POST", "/api/v1/team-invitations/accept", true, r -> byCode(r, Step.ACCEPT));
        server.route("POST", "/api/v1/team-invitations/accept/check-code", true, r -> byCode(r, Step.CHECK));
        server.route("POST", "/api/v1/team-invitations/accept/details", true, r -> byCode(r, Step.DETAILS));
        server.route("POST", "/api/v1/team-invitations/([^/]+)/accept", true, this::acceptById);
    }

    private ApiResponse send(ApiRequest r) {
        r.requireAccess("client", "server", "admin");
        r.allowQuery();
        ApiRequest.Body body = r.body(true, "team_id", "email", "callback_url");
        String teamId = ApiRequest.uuid(body.requireString("team_id"), "body.team_id");
        String email = UserRoutes.normalizeEmail(body.requireString("email"), "body.email");
        String callbackUrl = body.requireUrl("callback_url");
        synchronized (store) {
            if (r.isClient()) {
                store.requireTeamPermission(teamId, r.requireSignedInUser().id, "$invite_members");
            }
            store.requireTeam(teamId);
            StoredCode code = store.createCode(INVITATION, email, null, teamId, callbackUrl);
            return ApiResponse.json(200, Json.object().put("success", true).put("id", code.id));
        }
    }

    private ApiResponse list(ApiRequest r) {
        r.requireAccess("client", "server", "admin");
        r.allowQuery("team_id", "user_id");
        String teamId = r.query("team_id") == null ? null : ApiRequest.uuid(r.query("team_id"), "query.team_id");
        String userId = r.query("user_id") == null ? null : r.userIdOrMe(r.query("user_id"), "query.user_id");
        if (teamId != null && userId != null) {
            throw new StatusError(400, "Cannot specify both team_id and user_id");
        }
        if (teamId == null && userId == null) {
            throw new StatusError(400, "Must specify either team_id or user_id");
        }
        synchronized (store) {
            StoredUser invitee = null;
            if (userId != null) {
                if (r.isClient() && !r.requireCurrentUser().id.equals(userId)) {
                    throw KnownError.cannotGetOwnUserWithoutUser(); // sic: Hexclave's answer for someone else's list
                }
                invitee = store.user(userId);
            } else if (r.isClient()) {
                StoredUser caller = r.requireSignedInUser();
                store.requireTeamPermission(teamId, caller.id, "$read_members");
                store.requireTeamPermission(teamId, caller.id, "$invite_members");
            } else {
                store.requireTeam(teamId);
            }
            ObjectNode body = Json.object();
            ArrayNode items = body.putArray("items");
            for (StoredCode c : store.pendingCodes()) {
                StoredTeam team = c.purpose == INVITATION ? store.team(c.teamId) : null;
                boolean wanted = team != null && (teamId != null ? team.id.equals(teamId) : hasVerifiedEmail(invitee, c.email));
                if (wanted) {
                    items.addObject().put("id", c.id).put("team_id", team.id).put("team_display_name", team.displayName)
                            .put("expires_at_millis", c.expiresAtMillis).put("recipient_email", c.email);
                }
            }
            body.put("is_paginated", false);
            return ApiResponse.json(200, body);
        }
    }

    private ApiResponse revoke(ApiRequest r) {
        r.requireAccess("client", "server", "admin");
        r.allowQuery("team_id");
        r.body(false);
        String id = ApiRequest.uuid(r.pathParam(0), "params.id");
        if (r.query("team_id") == null) {
            throw new StatusError(400, "team_id is required for deleting a team invitation");
        }
        String teamId = ApiRequest.uuid(r.query("team_id"), "query.team_id");
        synchronized (store) {
            if (r.isClient()) {
                store.requireTeamPermission(teamId, r.requireSignedInUser().id, "$remove_members");
            } else {
                store.requireTeam(teamId);
            }
            StoredCode code = store.code(id);
            if (code == null || code.purpose != INVITATION || !teamId.equals(code.teamId)) {
                throw KnownError.verificationCodeNotFound();
            }
            store.deleteCode(id);
            return ApiResponse.success();
        }
    }

    private enum Step {
        CHECK, DETAILS, ACCEPT
    }

    /** {@code /team-invitations/accept} and its {@code check-code} and {@code details} variants. */
    private ApiResponse byCode(ApiRequest r, Step step) {
        r.requireAccess("client", "server", "admin");
        r.allowQuery();
        String submitted = r.body(true, "code").requireCode();
        synchronized (store) {
            StoredCode code = store.usableCode(INVITATION, submitted);
            if (step == Step.CHECK) {
                return ApiResponse.json(200, Json.object().put("is_code_valid", true));
            }
            StoredUser user = r.requireSignedInUser();
            String restriction = user.restrictedReasonType(project.requireEmailVerification());
            if (restriction != null) {
                throw KnownError.teamInvitationRestrictedUserNotAllowed(restriction);
            }
            if (!hasVerifiedEmail(user, code.email)) {
                throw new KnownError(403, "TEAM_INVITATION_EMAIL_MISMATCH",
                        "This team invitation was sent to another e-mail address. Sign in with the invited address to accept it.");
            }
            StoredTeam team = store.requireTeam(code.teamId);
            if (step == Step.DETAILS) {
                return ApiResponse.json(200, Json.object().put("team_id", team.id).put("team_display_name", team.displayName));
            }
            code.usedAtMillis = store.nowMillis();
            join(team, user.id);
            return ApiResponse.json(200, Json.object());
        }
    }

    private ApiResponse acceptById(ApiRequest r) {
        r.requireAccess("client", "server", "admin");
        r.allowQuery("user_id");
        r.body(false);
        String id = ApiRequest.uuid(r.pathParam(0), "params.id");
        String userId = r.userIdOrMe(r.requireQuery("user_id"), "query.user_id");
        synchronized (store) {
            if (r.isClient()) {
                StoredUser caller = r.currentUser();
                if (caller == null || !caller.id.equals(userId)) {
                    throw KnownError.cannotGetOwnUserWithoutUser();
                }
                String restriction = caller.restrictedReasonType(project.requireEmailVerification());
                if (restriction != null) {
                    throw KnownError.teamInvitationRestrictedUserNotAllowed(restriction);
                }
            }
            StoredCode code = store.code(id);
            if (code == null || code.purpose != INVITATION || code.usedAtMillis != null
                    || code.expiresAtMillis <= store.nowMillis() || !hasVerifiedEmail(store.user(userId), code.email)) {
                throw KnownError.verificationCodeNotFound();
            }
            StoredTeam team = store.requireTeam(code.teamId);
            code.usedAtMillis = store.nowMillis();
            join(team, userId);
            return ApiResponse.json(200, Json.object());
        }
    }

    /** Joins as a member (default member permissions), unless already one. */
    private void join(StoredTeam team, String userId) {
        if (!team.hasMember(userId)) {
            store.addMember(team, userId, false);
        }
    }

    private static boolean hasVerifiedEmail(StoredUser user, String email) {
        if (user == null) {
            return false;
        }
        StoredContactChannel c = user.contactChannelWithValue(email);
        return c != null && c.verified;
    }
}
