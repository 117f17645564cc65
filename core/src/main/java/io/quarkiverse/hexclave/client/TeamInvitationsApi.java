package io.quarkiverse.hexclave.client;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;

import io.quarkiverse.hexclave.client.error.VerificationCodeException;
import io.quarkiverse.hexclave.client.model.TeamInvitation;
import io.quarkiverse.hexclave.client.model.TeamInvitationDetails;
import io.quarkiverse.hexclave.config.Secret;

/**
 * Team invitations ({@code /team-invitations}), all seven operations of the server API: send one (Hexclave e-mails a
 * link with a code), list a team's or a user's pending ones, revoke one, check a code, read the team a code leads to,
 * accept with a code (for the user of an access token), and accept by id (for a user, server-side). Blocking and
 * {@code …Async} forms.
 * <p>
 * Codes are {@link Secret}s: whoever holds one can join the team. Errors: {@link VerificationCodeException} (unknown,
 * expired or used code or invitation), {@link io.quarkiverse.hexclave.client.error.TeamInvitationNotAllowedException}
 * (the invitation was sent to an address the user has not verified, or the user is restricted),
 * {@link io.quarkiverse.hexclave.client.error.TeamNotFoundException}.
 */
public final class TeamInvitationsApi {

    private static final String BASE = "/team-invitations";

    private final RequestSender sender;

    TeamInvitationsApi(RequestSender sender) {
        this.sender = sender;
    }

    /**
     * Invites an e-mail address to a team ({@code POST /team-invitations/send-code}): Hexclave e-mails
     * {@code callbackUrl} with the code appended, the page of your app that accepts it. Returns the invitation's id.
     */
    public CompletionStage<String> sendAsync(String teamId, String email, URI callbackUrl) {
        return RequestSender.guard(() -> sender.send(ApiCall.of("POST", BASE + "/send-code", Access.SERVER)
                .withBody(Json.MAPPER.createObjectNode().put("team_id", RequestSender.required(teamId, "team_id"))
                        .put("email", RequestSender.required(email, "email"))
                        .put("callback_url", EmailedCodes.callbackUrl(callbackUrl))))
                .thenApply(r -> Json.requiredText(r, Json.tree(r), "id")));
    }

    /** Invites an e-mail address to a team; returns the invitation's id. */
    public String send(String teamId, String email, URI callbackUrl) {
        return sender.blocking(() -> sendAsync(teamId, email, callbackUrl));
    }

    /** A team's pending invitations ({@code GET /team-invitations?team_id=}). */
    public CompletionStage<List<TeamInvitation>> listAsync(String teamId) {
        return RequestSender.guard(() -> list("team_id", teamId));
    }

    /** A team's pending invitations. */
    public List<TeamInvitation> list(String teamId) {
        return sender.blocking(() -> listAsync(teamId));
    }

    /** The pending invitations sent to a user's verified e-mail addresses ({@code GET /team-invitations?user_id=}). */
    public CompletionStage<List<TeamInvitation>> listForUserAsync(String userId) {
        return RequestSender.guard(() -> list("user_id", userId));
    }

    /** The pending invitations sent to a user's verified e-mail addresses. */
    public List<TeamInvitation> listForUser(String userId) {
        return sender.blocking(() -> listForUserAsync(userId));
    }

    /**
     * Revokes an invitation ({@code DELETE /team-invitations/{id}?team_id=}); its code stops working. When a retry
     * (after a lost answer) gets {@code VERIFICATION_CODE_NOT_FOUND}, an earlier attempt revoked it.
     */
    public CompletionStage<Void> revokeAsync(String teamId, String invitationId) {
        return RequestSender.guard(() -> sender.send(ApiCall.of("DELETE", BASE + "/" + RequestSender.segment(invitationId),
                Access.SERVER).withQuery(Map.of("team_id", RequestSender.required(teamId, "team_id"))),
                e -> e instanceof VerificationCodeException).thenApply(r -> null));
    }

    /** Revokes an invitation. */
    public void revoke(String teamId, String invitationId) {
        sender.blocking(() -> revokeAsync(teamId, invitationId));
    }

    /** Whether an invitation code is usable ({@code POST /team-invitations/accept/check-code}); refused codes throw. */
    public CompletionStage<Boolean> checkCodeAsync(Secret code) {
        return RequestSender.guard(() -> sender.send(ApiCall.of("POST", BASE + "/accept/check-code", Access.SERVER)
                .withBody(EmailedCodes.body(code))).thenApply(EmailedCodes::isValid));
    }

    /** Whether an invitation code is usable. */
    public boolean checkCode(Secret code) {
        return sender.blocking(() -> checkCodeAsync(code));
    }

    /**
     * The team an invitation code leads to, for the user of {@code accessToken} ({@code POST
     * /team-invitations/accept/details}), e.g. to show "Join Research?" before accepting.
     */
    public CompletionStage<TeamInvitationDetails> detailsAsync(Secret code, Secret accessToken) {
        return RequestSender.guard(() -> sender.send(ApiCall.of("POST", BASE + "/accept/details", Access.SERVER_IF_CONFIGURED)
                .withAccessToken(accessToken).withBody(EmailedCodes.body(code)))
                .thenApply(r -> Json.read(r, TeamInvitationDetails.class)));
    }

    /** The team an invitation code leads to, for the user of {@code accessToken}. */
    public TeamInvitationDetails details(Secret code, Secret accessToken) {
        return sender.blocking(() -> detailsAsync(code, accessToken));
    }

    /**
     * Accepts an invitation with its code for the user of {@code accessToken} ({@code POST /team-invitations/accept}):
     * the user joins the team. The user must have verified the address the invitation was sent to.
     */
    public CompletionStage<Void> acceptAsync(Secret code, Secret accessToken) {
        return RequestSender.guard(() -> sender.send(ApiCall.of("POST", BASE + "/accept", Access.SERVER_IF_CONFIGURED)
                .withAccessToken(accessToken).withBody(EmailedCodes.body(code))).thenApply(r -> null));
    }

    /** Accepts an invitation with its code for the user of {@code accessToken}. */
    public void accept(Secret code, Secret accessToken) {
        sender.blocking(() -> acceptAsync(code, accessToken));
    }

    /**
     * Accepts an invitation by id for a user ({@code POST /team-invitations/{id}/accept?user_id=}), server-side; the
     * user must have verified the address it was sent to ({@code VerificationCodeException} otherwise).
     */
    public CompletionStage<Void> acceptByIdAsync(String invitationId, String userId) {
        return RequestSender.guard(() -> sender.send(ApiCall.of("POST", BASE + "/" + RequestSender.segment(invitationId)
                + "/accept", Access.SERVER).withQuery(Map.of("user_id", RequestSender.required(userId, "user_id"))))
                .thenApply(r -> null)); // the document expects no body here
    }

    /** Accepts an invitation by id for a user, server-side. */
    public void acceptById(String invitationId, String userId) {
        sender.blocking(() -> acceptByIdAsync(invitationId, userId));
    }

    private CompletionStage<List<TeamInvitation>> list(String parameter, String id) {
        return sender.send(ApiCall.of("GET", BASE, Access.SERVER).withQuery(Map.of(parameter, RequestSender.required(id, parameter))))
                .thenApply(r -> Json.items(r, Json.tree(r), TeamInvitation.class));
    }
}
