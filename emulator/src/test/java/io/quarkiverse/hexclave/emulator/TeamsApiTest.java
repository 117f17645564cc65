package io.quarkiverse.hexclave.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkiverse.hexclave.emulator.junit.WithHexclaveEmulator;

/** Teams, team memberships and team member profiles (§8.3), through the REST endpoints. */
@WithHexclaveEmulator
class TeamsApiTest {

    private static final String NO_TEAM = "00000000-0000-4000-8000-000000000000";

    private final HexclaveEmulator emu;
    private final EmulatorHttp http;
    private final EmulatedUser ada;
    private final EmulatedUser bob;

    TeamsApiTest(HexclaveEmulator emu) {
        this.emu = emu;
        this.http = new EmulatorHttp(emu);
        ada = emu.createUser(NewUser.withEmail("ada-" + UUID.randomUUID() + "@example.com").displayName("Ada").build());
        bob = emu.createUser(NewUser.withEmail("bob-" + UUID.randomUUID() + "@example.com").displayName("Bob").build());
    }

    private JsonNode ok(EmulatorHttp.Reply reply, int status) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        return reply.json();
    }

    private String createTeam(String body) {
        return ok(http.server().post("/teams", body), 201).get("id").asText();
    }

    private JsonNode permissions(String teamId, String userId) {
        return ok(http.server().get("/team-permissions?team_id=" + teamId + "&user_id=" + userId), 200).get("items");
    }

    // ------------------------------------------------------------------ teams

    @Test
    void createReadUpdateDelete() {
        JsonNode created = ok(http.server().post("/teams", """
                {"display_name":"Engines","profile_image_url":"https://example.com/e.png","client_metadata":{"a":1},
                 "client_read_only_metadata":{"b":2},"server_metadata":{"c":3}}"""), 201);
        String id = created.get("id").asText();
        assertThat(created.get("display_name").asText()).isEqualTo("Engines");
        assertThat(created.get("created_at_millis").asLong()).isPositive();
        assertThat(created.get("server_metadata").get("c").asInt()).isEqualTo(3);
        assertThat(ok(http.server().get("/teams/" + id), 200)).isEqualTo(created);
        JsonNode updated = ok(http.server().patch("/teams/" + id, "{\"display_name\":\"Turbines\",\"server_metadata\":null}"), 200);
        assertThat(updated.get("display_name").asText()).isEqualTo("Turbines");
        assertThat(updated.get("server_metadata").isNull()).isTrue();
        assertThat(updated.get("client_metadata").get("a").asInt()).isEqualTo(1);
        assertThat(emu.team(id)).map(EmulatedTeam::displayName).contains("Turbines");
        assertThat(ok(http.server().delete("/teams/" + id), 200).get("success").asBoolean()).isTrue();
        assertThat(http.server().get("/teams/" + id).code()).isEqualTo("TEAM_NOT_FOUND");
        assertThat(emu.team(id)).isEmpty();
    }

    @Test
    void creatorJoinsAsAdminAndMeIsTheTokensUser() {
        String id = createTeam("{\"display_name\":\"Mine\",\"creator_user_id\":\"" + ada.id() + "\"}");
        assertThat(EmulatorHttp.texts(permissions(id, ada.id()), "id")).containsExactly("team_admin");
        String jwt = emu.mintAccessToken(bob);
        String bobs = ok(http.server().accessToken(jwt).post("/teams", "{\"display_name\":\"Bob's\",\"creator_user_id\":\"me\"}"), 201)
                .get("id").asText();
        assertThat(EmulatorHttp.texts(permissions(bobs, bob.id()), "id")).containsExactly("team_admin");
        assertThat(http.server().post("/teams", "{\"display_name\":\"X\",\"creator_user_id\":\"" + UUID.randomUUID() + "\"}").code())
                .isEqualTo("USER_NOT_FOUND");
    }

    @Test
    void createAndUpdateValidateTheirBody() {
        assertThat(http.server().post("/teams", "{}").code()).isEqualTo("SCHEMA_ERROR");
        assertThat(http.server().post("/teams", "{\"display_name\":\"X\",\"owner\":\"me\"}").code()).isEqualTo("SCHEMA_ERROR");
        assertThat(http.server().post("/teams", "{\"display_name\":\"X\",\"creator_user_id\":\"nope\"}").code()).isEqualTo("SCHEMA_ERROR");
        assertThat(http.server().patch("/teams/" + NO_TEAM, "{\"display_name\":\"X\"}").code()).isEqualTo("TEAM_NOT_FOUND");
        assertThat(http.server().delete("/teams/" + NO_TEAM).code()).isEqualTo("TEAM_NOT_FOUND");
        assertThat(http.server().get("/teams/not-a-uuid").code()).isEqualTo("SCHEMA_ERROR");
    }

    @Test
    void listFiltersByUserSearchesAndPages() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String first = createTeam("{\"display_name\":\"Alpha " + tag + "\",\"creator_user_id\":\"" + ada.id() + "\"}");
        String second = createTeam("{\"display_name\":\"Beta " + tag + "\",\"creator_user_id\":\"" + ada.id() + "\"}");
        String third = createTeam("{\"display_name\":\"Gamma " + tag + "\"}");
        JsonNode mine = ok(http.server().get("/teams?user_id=" + ada.id()), 200);
        assertThat(EmulatorHttp.texts(mine.get("items"), "id")).containsExactly(first, second);
        assertThat(mine.get("pagination").get("next_cursor").isNull()).isTrue();
        assertThat(EmulatorHttp.texts(ok(http.server().get("/teams?query=" + tag + "&desc=true"), 200).get("items"), "id"))
                .containsExactly(third, second, first);
        assertThat(EmulatorHttp.texts(ok(http.server().get("/teams?query=" + third), 200).get("items"), "id")).containsExactly(third);
        JsonNode page = ok(http.server().get("/teams?query=" + tag + "&limit=2"), 200);
        assertThat(EmulatorHttp.texts(page.get("items"), "id")).containsExactly(first, second);
        assertThat(page.get("pagination").get("next_cursor").asText()).isEqualTo(second);
        assertThat(EmulatorHttp.texts(ok(http.server().get("/teams?query=" + tag + "&limit=2&cursor=" + second), 200)
                .get("items"), "id")).containsExactly(third);
        assertThat(http.server().get("/teams?cursor=" + second).status()).isEqualTo(400);
        assertThat(http.server().get("/teams?limit=0").code()).isEqualTo("SCHEMA_ERROR");
        assertThat(http.server().get("/teams?order_by=display_name").code()).isEqualTo("SCHEMA_ERROR");
        String jwt = emu.mintAccessToken(ada);
        JsonNode own = ok(http.client().accessToken(jwt).get("/teams?user_id=me"), 200);
        assertThat(EmulatorHttp.texts(own.get("items"), "id")).containsExactly(first, second);
        assertThat(own.get("items").get(0).has("server_metadata")).isFalse();
        assertThat(http.client().accessToken(jwt).get("/teams").status()).isEqualTo(403);
        assertThat(http.client().accessToken(jwt).get("/teams?user_id=" + bob.id()).status()).isEqualTo(403);
    }

    @Test
    void clientsNeedMembershipAndTeamPermissions() {
        String id = createTeam("{\"display_name\":\"Guarded\",\"creator_user_id\":\"" + ada.id() + "\"}");
        emu.addTeamMember(id, bob.id());
        String adaJwt = emu.mintAccessToken(ada);
        String bobJwt = emu.mintAccessToken(bob);
        EmulatedUser eve = emu.createUser(NewUser.withEmail("eve-" + UUID.randomUUID() + "@example.com").build());
        String eveJwt = emu.mintAccessToken(eve);
        assertThat(ok(http.client().accessToken(bobJwt).get("/teams/" + id), 200).has("created_at_millis")).isFalse();
        assertThat(http.client().accessToken(eveJwt).get("/teams/" + id).code()).isEqualTo("TEAM_MEMBERSHIP_NOT_FOUND");
        assertThat(http.client().get("/teams/" + id).code()).isEqualTo("USER_AUTHENTICATION_REQUIRED");
        assertThat(http.client().accessToken(bobJwt).patch("/teams/" + id, "{\"display_name\":\"Mine now\"}").code())
                .isEqualTo("TEAM_PERMISSION_REQUIRED");
        assertThat(http.client().accessToken(adaJwt).patch("/teams/" + id, "{\"server_metadata\":{}}").code())
                .as("server-only field").isEqualTo("SCHEMA_ERROR");
        assertThat(ok(http.client().accessToken(adaJwt).patch("/teams/" + id, "{\"display_name\":\"Ours\"}"), 200)
                .get("display_name").asText()).isEqualTo("Ours");
        assertThat(http.client().accessToken(bobJwt).delete("/teams/" + id).code()).isEqualTo("TEAM_PERMISSION_REQUIRED");
        assertThat(http.client().accessToken(adaJwt).post("/teams", "{\"display_name\":\"New\"}").status())
                .as("client team creation is off in a new project").isEqualTo(403);
        assertThat(http.client().accessToken(adaJwt).delete("/teams/" + id).status()).isEqualTo(200);
    }

    @Test
    void clientsCreateTeamsWhenTheProjectAllowsIt() {
        try (HexclaveEmulator open = HexclaveEmulator.builder().clientTeamCreationEnabled(true).build().start()) {
            EmulatorHttp h = new EmulatorHttp(open);
            EmulatedUser eve = open.createUser(NewUser.withEmail("eve-" + UUID.randomUUID() + "@example.com").build());
            EmulatedUser dan = open.createUser(NewUser.withEmail("dan-" + UUID.randomUUID() + "@example.com").build());
            String eveJwt = open.mintAccessToken(eve);
            assertThat(ok(h.client().get("/projects/current"), 200).get("config").get("client_team_creation_enabled")
                    .asBoolean()).isTrue();

            JsonNode named = ok(h.client().accessToken(eveJwt).post("/teams",
                    "{\"display_name\":\"Eve's\",\"creator_user_id\":\"me\",\"client_metadata\":{\"k\":1}}"), 201);
            assertThat(named.get("display_name").asText()).isEqualTo("Eve's");
            assertThat(named.get("client_metadata").get("k").asInt()).isEqualTo(1);
            assertThat(named.has("server_metadata")).as("client team view").isFalse();
            JsonNode implied = ok(h.client().accessToken(eveJwt).post("/teams", "{\"display_name\":\"Also Eve's\"}"), 201);
            for (String teamId : new String[] { named.get("id").asText(), implied.get("id").asText() }) {
                assertThat(EmulatorHttp.texts(ok(h.server().get("/team-member-profiles?team_id=" + teamId), 200).get("items"),
                        "user_id")).as("the caller is the creator, named or not").containsExactly(eve.id());
                assertThat(ok(h.server().get("/team-permissions?team_id=" + teamId + "&user_id=" + eve.id()), 200)
                        .get("items")).extracting(p -> p.get("id").asText()).contains("team_admin");
            }
            assertThat(EmulatorHttp.texts(ok(h.client().accessToken(eveJwt).get("/teams?user_id=me"), 200).get("items"), "id"))
                    .containsExactlyInAnyOrder(named.get("id").asText(), implied.get("id").asText());

            EmulatorHttp.Reply forOther = h.client().accessToken(eveJwt).post("/teams",
                    "{\"display_name\":\"Dan's\",\"creator_user_id\":\"" + dan.id() + "\"}");
            assertThat(forOther.status()).isEqualTo(403);
            assertThat(forOther.body()).contains("creator_user_id to 'me'");
            assertThat(h.client().post("/teams", "{\"display_name\":\"Nobody's\",\"creator_user_id\":\"" + eve.id() + "\"}")
                    .code()).isEqualTo("USER_AUTHENTICATION_REQUIRED");
            assertThat(h.client().accessToken(eveJwt).post("/teams", "{\"display_name\":\"X\",\"server_metadata\":{}}")
                    .code()).as("server-only field").isEqualTo("SCHEMA_ERROR");
            assertThat(ok(h.server().get("/teams"), 200).get("items")).hasSize(2);
        }
    }

    @Test
    void deletingATeamDeselectsItAndDropsItsKeysAndInvitations() {
        String id = createTeam("{\"display_name\":\"Doomed\",\"creator_user_id\":\"" + ada.id() + "\"}");
        emu.selectTeam(ada.id(), id);
        EmulatedApiKey key = emu.createApiKey(NewApiKey.forTeam(id).build());
        ok(http.server().post("/team-invitations/send-code",
                "{\"team_id\":\"" + id + "\",\"email\":\"x@example.com\",\"callback_url\":\"https://app.example.com/join\"}"), 200);
        assertThat(emu.deleteTeam(id)).isTrue();
        assertThat(emu.user(ada.id()).orElseThrow().selectedTeamId()).isNull();
        assertThat(http.server().post("/team-api-keys/check", "{\"api_key\":\"" + key.value() + "\"}").code())
                .isEqualTo("API_KEY_NOT_FOUND");
        assertThat(emu.pendingCodes()).noneMatch(c -> c.recipient().equals("x@example.com"));
        assertThat(emu.deleteTeam(id)).isFalse();
    }

    // ------------------------------------------------------------------ memberships

    @Test
    void addAndRemoveMembers() {
        String id = createTeam("{\"display_name\":\"Crew\"}");
        JsonNode added = ok(http.server().post("/team-memberships/" + id + "/" + bob.id(), "{}"), 201);
        assertThat(added.get("team_id").asText()).isEqualTo(id);
        assertThat(added.get("user_id").asText()).isEqualTo(bob.id());
        assertThat(EmulatorHttp.texts(permissions(id, bob.id()), "id")).containsExactly("team_member");
        assertThat(http.server().post("/team-memberships/" + id + "/" + bob.id(), "{}").code())
                .isEqualTo("TEAM_MEMBERSHIP_ALREADY_EXISTS");
        emu.selectTeam(bob.id(), id);
        assertThat(ok(http.server().delete("/team-memberships/" + id + "/" + bob.id()), 200).get("success").asBoolean()).isTrue();
        assertThat(permissions(id, bob.id())).isEmpty();
        assertThat(emu.user(bob.id()).orElseThrow().selectedTeamId()).as("leaving deselects").isNull();
        assertThat(http.server().delete("/team-memberships/" + id + "/" + bob.id()).code()).isEqualTo("TEAM_MEMBERSHIP_NOT_FOUND");
        assertThat(http.server().post("/team-memberships/" + NO_TEAM + "/" + bob.id(), "{}").code()).isEqualTo("TEAM_NOT_FOUND");
        assertThat(http.server().post("/team-memberships/" + id + "/" + UUID.randomUUID(), "{}").code()).isEqualTo("USER_NOT_FOUND");
        assertThat(http.client().post("/team-memberships/" + id + "/" + bob.id(), "{}").code()).isEqualTo("INSUFFICIENT_ACCESS_TYPE");
    }

    @Test
    void clientsMayLeaveButRemovingOthersTakesRemoveMembers() {
        String id = createTeam("{\"display_name\":\"Club\",\"creator_user_id\":\"" + ada.id() + "\"}");
        emu.addTeamMember(id, bob.id());
        EmulatedUser carl = emu.createUser(NewUser.withEmail("carl-" + UUID.randomUUID() + "@example.com").build());
        emu.addTeamMember(id, carl.id());
        String bobJwt = emu.mintAccessToken(bob);
        assertThat(http.client().accessToken(bobJwt).delete("/team-memberships/" + id + "/" + carl.id()).code())
                .isEqualTo("TEAM_PERMISSION_REQUIRED");
        assertThat(http.client().accessToken(emu.mintAccessToken(ada)).delete("/team-memberships/" + id + "/" + carl.id())
                .status()).isEqualTo(200);
        assertThat(http.client().accessToken(bobJwt).delete("/team-memberships/" + id + "/me").status()).isEqualTo(200);
        assertThat(emu.removeTeamMember(id, bob.id())).isFalse();
    }

    // ------------------------------------------------------------------ member profiles

    @Test
    void profilesShowTheUserUnlessTheMemberSetTheirOwn() {
        String id = createTeam("{\"display_name\":\"Studio\",\"creator_user_id\":\"" + ada.id() + "\"}");
        emu.addTeamMember(id, bob.id());
        JsonNode list = ok(http.server().get("/team-member-profiles?team_id=" + id), 200);
        assertThat(EmulatorHttp.texts(list.get("items"), "user_id")).containsExactly(ada.id(), bob.id());
        JsonNode adas = list.get("items").get(0);
        assertThat(adas.get("display_name").asText()).isEqualTo("Ada");
        assertThat(adas.get("user").get("id").asText()).isEqualTo(ada.id());
        JsonNode updated = ok(http.server().patch("/team-member-profiles/" + id + "/" + ada.id(),
                "{\"display_name\":\"Captain\",\"profile_image_url\":\"https://example.com/c.png\"}"), 200);
        assertThat(updated.get("display_name").asText()).isEqualTo("Captain");
        assertThat(updated.get("user").get("display_name").asText()).isEqualTo("Ada");
        JsonNode read = ok(http.server().get("/team-member-profiles/" + id + "/" + ada.id()), 200);
        assertThat(read.get("profile_image_url").asText()).isEqualTo("https://example.com/c.png");
        assertThat(EmulatorHttp.texts(ok(http.server().get("/team-member-profiles?user_id=" + bob.id()), 200).get("items"), "team_id"))
                .containsExactly(id);
        assertThat(http.server().get("/team-member-profiles/" + id + "/" + UUID.randomUUID()).code()).isEqualTo("USER_NOT_FOUND");
        EmulatedUser eve = emu.createUser(NewUser.builder().build());
        assertThat(http.server().get("/team-member-profiles/" + id + "/" + eve.id()).code()).isEqualTo("TEAM_MEMBERSHIP_NOT_FOUND");
        assertThat(http.server().get("/team-member-profiles?team_id=" + NO_TEAM).code()).isEqualTo("TEAM_NOT_FOUND");
    }

    @Test
    void clientsReadProfilesWithReadMembersAndUpdateOnlyTheirOwn() {
        String id = createTeam("{\"display_name\":\"Band\",\"creator_user_id\":\"" + ada.id() + "\"}");
        emu.addTeamMember(id, bob.id());
        String bobJwt = emu.mintAccessToken(bob);
        JsonNode list = ok(http.client().accessToken(bobJwt).get("/team-member-profiles?team_id=" + id), 200);
        assertThat(list.get("items")).hasSize(2);
        assertThat(list.get("items").get(0).has("user")).isFalse();
        assertThat(http.client().accessToken(bobJwt).get("/team-member-profiles").status()).isEqualTo(400);
        assertThat(http.client().accessToken(bobJwt).patch("/team-member-profiles/" + id + "/" + ada.id(),
                "{\"display_name\":\"Hacked\"}").status()).isEqualTo(403);
        assertThat(ok(http.client().accessToken(bobJwt).patch("/team-member-profiles/" + id + "/me",
                "{\"display_name\":\"Bobby\"}"), 200).get("display_name").asText()).isEqualTo("Bobby");
        emu.revokeTeamPermission(id, bob.id(), "team_member");
        assertThat(http.client().accessToken(bobJwt).get("/team-member-profiles/" + id + "/" + ada.id()).code())
                .isEqualTo("TEAM_PERMISSION_REQUIRED");
        assertThat(ok(http.client().accessToken(bobJwt).get("/team-member-profiles/" + id + "/me"), 200)
                .get("display_name").asText()).isEqualTo("Bobby");
    }
}
