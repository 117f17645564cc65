package io.quarkiverse.hexclave.runtime.mutiny;

import java.net.URI;
import java.util.List;

import io.quarkiverse.hexclave.client.TeamInvitationsApi;
import io.quarkiverse.hexclave.client.model.TeamInvitation;
import io.quarkiverse.hexclave.client.model.TeamInvitationDetails;
import io.quarkiverse.hexclave.config.Secret;
import io.smallrye.mutiny.Uni;

/**
 * Team invitations with Mutiny: each method is the {@code …Async} method of the same name in {@link
 * TeamInvitationsApi} as a {@code Uni}, which calls Hexclave on subscription (again on each) and emits on the
 * subscriber's Vert.x context (see {@link MutinyHexclaveClient}). Same errors as the core, in the {@code Uni}'s
 * failure.
 */
public final class MutinyTeamInvitationsApi {

    private final TeamInvitationsApi api;

    MutinyTeamInvitationsApi(TeamInvitationsApi api) {
        this.api = api;
    }

    /**
     * Invites an e-mail address to a team ({@code POST /team-invitations/send-code}): Hexclave e-mails
     * {@code callbackUrl} with the code appended, the page of your app that accepts it. Returns the invitation's id.
     */
    public Uni<String> send(String teamId, String email, URI callbackUrl) {
        return CallerContext.uni(() -> api.sendAsync(teamId, email, callbackUrl));
    }

    /** A team's pending invitations ({@code GET /team-invitations?team_id=}). */
    public Uni<List<TeamInvitation>> list(String teamId) {
        return CallerContext.uni(() -> api.listAsync(teamId));
    }

    /** The pending invitations sent to a user's verified e-mail addresses ({@code GET /team-invitations?user_id=}). */
    public Uni<List<TeamInvitation>> listForUser(String userId) {
        return CallerContext.uni(() -> api.listForUserAsync(userId));
    }

    /**
     * Revokes an invitation ({@code DELETE /team-invitations/{id}?team_id=}); its code stops working. When a retry
     * (after a lost answer) gets {@code VERIFICATION_CODE_NOT_FOUND}, an earlier attempt revoked it.
     */
    public Uni<Void> revoke(String teamId, String invitationId) {
        return CallerContext.uni(() -> api.revokeAsync(teamId, invitationId));
    }

    /** Whether an invitation code is usable ({@code POST /team-invitations/accept/check-code}); refused codes throw. */
    public Uni<Boolean> checkCode(Secret code) {
        return CallerContext.uni(() -> api.checkCodeAsync(code));
    }

    /**
     * The team an invitation code leads to, for the user of {@code accessToken} ({@code POST
     * /team-invitations/accept/details}), e.g. to show "Join Research?" before accepting.
     */
    public Uni<TeamInvitationDetails> details(Secret code, Secret accessToken) {
        return CallerContext.uni(() -> api.detailsAsync(code, accessToken));
    }

    /**
     * Accepts an invitation with its code for the user of {@code accessToken} ({@code POST /team-invitations/accept}):
     * the user joins the team. The user must have verified the address the invitation was sent to.
     */
    public Uni<Void> accept(Secret code, Secret accessToken) {
        return CallerContext.uni(() -> api.acceptAsync(code, accessToken));
    }

    /**
     * Accepts an invitation by id for a user ({@code POST /team-invitations/{id}/accept?user_id=}), server-side; the
     * user must have verified the address it was sent to ({@code VerificationCodeException} otherwise).
     */
    public Uni<Void> acceptById(String invitationId, String userId) {
        return CallerContext.uni(() -> api.acceptByIdAsync(invitationId, userId));
    }
}
