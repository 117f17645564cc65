package io.quarkiverse.hexclave.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.quarkiverse.hexclave.client.error.HexclaveApiException;
import io.quarkiverse.hexclave.client.error.TeamInvitationNotAllowedException;
import io.quarkiverse.hexclave.client.error.VerificationCodeException;
import io.quarkiverse.hexclave.client.model.CreateTeamRequest;
import io.quarkiverse.hexclave.client.model.Team;
import io.quarkiverse.hexclave.client.model.TeamInvitation;
import io.quarkiverse.hexclave.client.model.TeamMemberProfile;
import io.quarkiverse.hexclave.config.Secret;
import io.quarkiverse.hexclave.emulator.EmulatedUser;
import io.quarkiverse.hexclave.emulator.NewUser;
import io.quarkiverse.hexclave.emulator.VerificationCode;

/** {@link TeamInvitationsApi}, all seven operations, against the embedded emulator with the full OpenAPI contract. */
class TeamInvitationsApiTest extends EmulatorTestBase {

    private static final URI CALLBACK = URI.create("https://app.example/handler/team-invitation");

    private static Secret mailedCode(String email) {
        return new Secret(emulator.pendingCode(VerificationCode.Purpose.TEAM_INVITATION, email).orElseThrow().code());
    }

    @Test
    void inviteCheckReadAndAcceptWithTheCode() {
        Team team = client.teams().create(CreateTeamRequest.named("Invited to").build());
        EmulatedUser invitee = emulator.createUser(NewUser.withEmail("invitee@example.com").emailVerified(true).build());
        Secret token = new Secret(emulator.mintAccessToken(invitee));

        String id = client.teamInvitations().send(team.id(), "invitee@example.com", CALLBACK);
        TeamInvitation pending = client.teamInvitations().list(team.id()).get(0);
        assertThat(pending.id()).isEqualTo(id);
        assertThat(pending.teamDisplayName()).isEqualTo("Invited to");
        assertThat(pending.recipientEmail()).isEqualTo("invitee@example.com");
        assertThat(pending.expiresAt()).isAfter(Instant.now());
        assertThat(pending.toString()).doesNotContain("invitee@example.com");
        assertThat(client.teamInvitations().listForUser(invitee.id())).extracting(TeamInvitation::id).containsExactly(id);

        Secret code = mailedCode("invitee@example.com");
        assertThat(client.teamInvitations().checkCode(code)).isTrue();
        assertThat(client.teamInvitations().details(code, token).teamDisplayName()).isEqualTo("Invited to");
        client.teamInvitations().accept(code, token);

        assertThat(client.teams().memberProfiles(team.id())).extracting(TeamMemberProfile::userId).containsExactly(invitee.id());
        assertThat(client.teamInvitations().list(team.id())).isEmpty();
        assertThatThrownBy(() -> client.teamInvitations().accept(code, token)).isInstanceOf(VerificationCodeException.class);
    }

    @Test
    void onlyTheInvitedAddressMayAccept() {
        Team team = client.teams().create(CreateTeamRequest.named("Strict").build());
        EmulatedUser stranger = emulator.createUser(NewUser.withEmail("stranger@example.com").emailVerified(true).build());
        client.teamInvitations().send(team.id(), "someone-else@example.com", CALLBACK);
        Secret code = mailedCode("someone-else@example.com");

        assertThatThrownBy(() -> client.teamInvitations().accept(code, new Secret(emulator.mintAccessToken(stranger))))
                .isInstanceOf(TeamInvitationNotAllowedException.class)
                .satisfies(e -> assertThat(((HexclaveApiException) e).code()).isEqualTo("TEAM_INVITATION_EMAIL_MISMATCH"))
                .satisfies(e -> assertThat(e.toString() + ((HexclaveApiException) e).serverMessage()).doesNotContain(code.value()));
    }

    @Test
    void revokeAndAcceptById() {
        Team team = client.teams().create(CreateTeamRequest.named("By id").build());
        EmulatedUser joiner = emulator.createUser(NewUser.withEmail("joiner@example.com").emailVerified(true).build());

        String revoked = client.teamInvitations().send(team.id(), "joiner@example.com", CALLBACK);
        client.teamInvitations().revoke(team.id(), revoked);
        assertThat(client.teamInvitations().list(team.id())).isEmpty();
        assertThatThrownBy(() -> client.teamInvitations().revoke(team.id(), revoked)).isInstanceOf(VerificationCodeException.class);

        String id = client.teamInvitations().send(team.id(), "joiner@example.com", CALLBACK);
        client.teamInvitations().acceptById(id, joiner.id());
        assertThat(client.teams().memberProfiles(team.id())).extracting(TeamMemberProfile::userId).containsExactly(joiner.id());
        assertThatThrownBy(() -> client.teamInvitations().send(team.id(), "x@example.com", URI.create("/relative")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
