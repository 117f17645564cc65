package io.quarkiverse.hexclave.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkiverse.hexclave.emulator.junit.WithHexclaveEmulator;

/** Team invitations: send, list, revoke, accept by code (and check, details) or by id. */
@WithHexclaveEmulator
class TeamInvitationsApiTest {

    private static final String CALLBACK = "https://app.example.com/handler/team-invitation";

    private final HexclaveEmulator emu;
    private final EmulatorHttp http;
    private final EmulatedUser owner;
    private final EmulatedTeam team;
    private final String inviteeEmail;
    private final EmulatedUser invitee;

    TeamInvitationsApiTest(HexclaveEmulator emu) {
        this.emu = emu;
        this.http = new EmulatorHttp(emu);
        owner = emu.createUser(NewUser.withEmail("owner-" + UUID.randomUUID() + "@example.com").build());
        team = emu.createTeam("Guild", owner.id());
        inviteeEmail = "invitee-" + UUID.randomUUID() + "@example.com";
        invitee = emu.createUser(NewUser.withEmail(inviteeEmail).build());
    }

    private JsonNode ok(EmulatorHttp.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    private String invite(String email) {
        JsonNode sent = ok(http.server().post("/team-invitations/send-code",
                "{\"team_id\":\"" + team.id() + "\",\"email\":\"" + email + "\",\"callback_url\":\"" + CALLBACK + "\"}"));
        assertThat(sent.get("success").asBoolean()).isTrue();
        return sent.get("id").asText();
    }

    private String code(String email) {
        return emu.pendingCode(VerificationCode.Purpose.TEAM_INVITATION, email).orElseThrow().code();
    }

    @Test
    void acceptByCodeJoinsTheTeamAsAMember() {
        String id = invite(inviteeEmail);
        VerificationCode pending = emu.pendingCode(VerificationCode.Purpose.TEAM_INVITATION, inviteeEmail).orElseThrow();
        assertThat(pending.id()).isEqualTo(id);
        assertThat(pending.link()).startsWith(CALLBACK + "?code=");
        String body = "{\"code\":\"" + pending.code() + "\"}";
        String jwt = emu.mintAccessToken(invitee);
        assertThat(ok(http.client().post("/team-invitations/accept/check-code", body)).get("is_code_valid").asBoolean()).isTrue();
        JsonNode details = ok(http.client().accessToken(jwt).post("/team-invitations/accept/details", body));
        assertThat(details.get("team_id").asText()).isEqualTo(team.id());
        assertThat(details.get("team_display_name").asText()).isEqualTo("Guild");
        assertThat(ok(http.client().accessToken(jwt).post("/team-invitations/accept", body))).isEmpty();
        assertThat(EmulatorHttp.texts(ok(http.server().get("/team-permissions?team_id=" + team.id() + "&user_id=" + invitee.id()))
                .get("items"), "id")).containsExactly("team_member");
        assertThat(http.client().accessToken(jwt).post("/team-invitations/accept", body).code())
                .isEqualTo("VERIFICATION_CODE_ALREADY_USED");
    }

    @Test
    void acceptByCodeNeedsTheInvitedVerifiedAddressAndAnUnrestrictedUser() {
        invite(inviteeEmail);
        String body = "{\"code\":\"" + code(inviteeEmail) + "\"}";
        EmulatedUser stranger = emu.createUser(NewUser.withEmail("stranger-" + UUID.randomUUID() + "@example.com").build());
        assertThat(http.client().accessToken(emu.mintAccessToken(stranger)).post("/team-invitations/accept", body).code())
                .isEqualTo("TEAM_INVITATION_EMAIL_MISMATCH");
        assertThat(http.client().post("/team-invitations/accept", body).code()).isEqualTo("USER_AUTHENTICATION_REQUIRED");
        EmulatedUser restricted = emu.createUser(NewUser.withEmail("r-" + UUID.randomUUID() + "@example.com")
                .restrictedByAdmin("spam").build());
        assertThat(http.client().accessToken(emu.mintAccessToken(restricted)).header("x-hexclave-allow-restricted-user", "true")
                .post("/team-invitations/accept", body).code()).isEqualTo("TEAM_INVITATION_RESTRICTED_USER_NOT_ALLOWED");
        assertThat(http.client().post("/team-invitations/accept", "{\"code\":\"" + "b".repeat(45) + "\"}").code())
                .isEqualTo("VERIFICATION_CODE_NOT_FOUND");
    }

    @Test
    void listByTeamAndByInvitee() {
        String id = invite(inviteeEmail);
        JsonNode byTeam = ok(http.server().get("/team-invitations?team_id=" + team.id())).get("items");
        assertThat(EmulatorHttp.texts(byTeam, "id")).containsExactly(id);
        assertThat(byTeam.get(0).get("recipient_email").asText()).isEqualTo(inviteeEmail);
        assertThat(byTeam.get(0).get("team_display_name").asText()).isEqualTo("Guild");
        assertThat(byTeam.get(0).get("expires_at_millis").asLong()).isGreaterThan(System.currentTimeMillis());
        assertThat(EmulatorHttp.texts(ok(http.server().get("/team-invitations?user_id=" + invitee.id())).get("items"), "id"))
                .containsExactly(id);
        assertThat(EmulatorHttp.texts(ok(http.client().accessToken(emu.mintAccessToken(invitee))
                .get("/team-invitations?user_id=me")).get("items"), "id")).containsExactly(id);
        assertThat(ok(http.server().get("/team-invitations?user_id=" + owner.id())).get("items")).isEmpty();
        assertThat(http.server().get("/team-invitations").status()).isEqualTo(400);
        assertThat(http.server().get("/team-invitations?team_id=" + team.id() + "&user_id=" + owner.id()).status()).isEqualTo(400);
        assertThat(http.server().get("/team-invitations?team_id=" + UUID.randomUUID()).code()).isEqualTo("TEAM_NOT_FOUND");
    }

    @Test
    void acceptByIdForAUserWithTheVerifiedAddress() {
        String id = invite(inviteeEmail);
        assertThat(http.server().post("/team-invitations/" + id + "/accept?user_id=" + owner.id(), null).code())
                .as("the owner lacks the invited address").isEqualTo("VERIFICATION_CODE_NOT_FOUND");
        assertThat(ok(http.server().post("/team-invitations/" + id + "/accept?user_id=" + invitee.id(), null))).isEmpty();
        assertThat(EmulatorHttp.texts(ok(http.server().get("/teams?user_id=" + invitee.id())).get("items"), "id"))
                .containsExactly(team.id());
        assertThat(http.server().post("/team-invitations/" + id + "/accept?user_id=" + invitee.id(), null).code())
                .isEqualTo("VERIFICATION_CODE_NOT_FOUND");
        assertThat(http.client().accessToken(emu.mintAccessToken(owner))
                .post("/team-invitations/" + invite(inviteeEmail) + "/accept?user_id=" + invitee.id(), null).code())
                .isEqualTo("CANNOT_GET_OWN_USER_WITHOUT_USER");
    }

    @Test
    void revokeNeedsTheTeam() {
        String id = invite("gone-" + UUID.randomUUID() + "@example.com");
        assertThat(http.server().delete("/team-invitations/" + id).status()).isEqualTo(400);
        assertThat(http.server().delete("/team-invitations/" + id + "?team_id=" + UUID.randomUUID()).code()).isEqualTo("TEAM_NOT_FOUND");
        assertThat(ok(http.server().delete("/team-invitations/" + id + "?team_id=" + team.id())).get("success").asBoolean()).isTrue();
        assertThat(ok(http.server().get("/team-invitations?team_id=" + team.id())).get("items")).isEmpty();
        assertThat(http.server().delete("/team-invitations/" + id + "?team_id=" + team.id()).code())
                .isEqualTo("VERIFICATION_CODE_NOT_FOUND");
    }

    @Test
    void clientsNeedTeamPermissionsToInviteListAndRevoke() {
        String ownerJwt = emu.mintAccessToken(owner);
        String sent = ok(http.client().accessToken(ownerJwt).post("/team-invitations/send-code",
                "{\"team_id\":\"" + team.id() + "\",\"email\":\"c-" + UUID.randomUUID() + "@example.com\",\"callback_url\":\""
                        + CALLBACK + "\"}")).get("id").asText();
        assertThat(ok(http.client().accessToken(ownerJwt).get("/team-invitations?team_id=" + team.id())).get("items")).isNotEmpty();
        emu.addTeamMember(team.id(), invitee.id());
        String memberJwt = emu.mintAccessToken(invitee);
        assertThat(http.client().accessToken(memberJwt).delete("/team-invitations/" + sent + "?team_id=" + team.id()).code())
                .isEqualTo("TEAM_PERMISSION_REQUIRED");
        emu.revokeTeamPermission(team.id(), invitee.id(), "team_member");
        assertThat(http.client().accessToken(memberJwt).post("/team-invitations/send-code",
                "{\"team_id\":\"" + team.id() + "\",\"email\":\"x@example.com\",\"callback_url\":\"" + CALLBACK + "\"}").code())
                .isEqualTo("TEAM_PERMISSION_REQUIRED");
        assertThat(ok(http.client().accessToken(ownerJwt).delete("/team-invitations/" + sent + "?team_id=" + team.id()))
                .get("success").asBoolean()).isTrue();
    }
}
