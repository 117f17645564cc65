package io.quarkiverse.hexclave.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkiverse.hexclave.emulator.junit.WithHexclaveEmulator;

/** Team and project permissions (§8.1, §8.2) with containment, through the Java API and the REST endpoints. */
@WithHexclaveEmulator
class PermissionsApiTest {

    private static final String NO_TEAM = "00000000-0000-4000-8000-000000000000";

    private final HexclaveEmulator emu;
    private final EmulatorHttp http;
    private final EmulatedUser ada;
    private final EmulatedUser bob;
    private final EmulatedTeam team;

    PermissionsApiTest(HexclaveEmulator emu) {
        this.emu = emu;
        this.http = new EmulatorHttp(emu);
        ada = emu.createUser(NewUser.withEmail("ada-" + UUID.randomUUID() + "@example.com").build());
        bob = emu.createUser(NewUser.withEmail("bob-" + UUID.randomUUID() + "@example.com").build());
        team = emu.createTeam("Engines");
        emu.defineTeamPermission("engine:write", "engine:read");
        emu.defineTeamPermission("engine:read");
        emu.defineProjectPermission("billing:admin", "billing:read");
        emu.defineProjectPermission("billing:read");
        emu.grantTeamPermission(team.id(), ada.id(), "engine:write");
        emu.addTeamMember(team.id(), bob.id());
    }

    private JsonNode list(String path) {
        EmulatorHttp.Reply reply = http.server().get(path);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        assertThat(reply.json().get("is_paginated").asBoolean()).isFalse();
        return reply.json().get("items");
    }

    // ------------------------------------------------------------------ team permissions

    @Test
    void teamListShowsDirectGrantsSortedAndTheirContentsWhenRecursive() {
        JsonNode direct = list("/team-permissions?user_id=" + ada.id() + "&team_id=" + team.id());
        assertThat(EmulatorHttp.texts(direct, "id")).containsExactly("engine:write", "team_member");
        assertThat(direct.get(0).get("team_id").asText()).isEqualTo(team.id());
        assertThat(direct.get(0).get("user_id").asText()).isEqualTo(ada.id());
        assertThat(EmulatorHttp.texts(list("/team-permissions?user_id=" + ada.id() + "&recursive=true"), "id"))
                .containsExactly("$invite_members", "$read_members", "engine:read", "engine:write", "team_member");
        assertThat(list("/team-permissions?user_id=" + ada.id() + "&permission_id=engine:read")).isEmpty();
        assertThat(list("/team-permissions?user_id=" + ada.id() + "&permission_id=engine:read&recursive=true")).hasSize(1);
        assertThat(EmulatorHttp.texts(list("/team-permissions?team_id=" + team.id() + "&permission_id=team_member"), "user_id"))
                .containsExactlyInAnyOrder(ada.id(), bob.id());
    }

    @Test
    void containmentIsTransitiveAndSurvivesCycles() {
        emu.defineTeamPermission("loop:a", "loop:b");
        emu.defineTeamPermission("loop:b", "loop:a", "loop:c");
        emu.defineTeamPermission("loop:c");
        emu.grantTeamPermission(team.id(), bob.id(), "loop:a");
        assertThat(EmulatorHttp.texts(list("/team-permissions?user_id=" + bob.id() + "&team_id=" + team.id()
                + "&recursive=true&permission_id=loop:c"), "id")).containsExactly("loop:c");
    }

    @Test
    void teamGrantAndRevokeOverRest() {
        String path = "/team-permissions/" + team.id() + "/" + bob.id() + "/engine:read";
        EmulatorHttp.Reply granted = http.server().post(path, "{}");
        assertThat(granted.status()).isEqualTo(201);
        assertThat(granted.json().get("id").asText()).isEqualTo("engine:read");
        assertThat(granted.json().get("team_id").asText()).isEqualTo(team.id());
        assertThat(granted.json().get("user_id").asText()).isEqualTo(bob.id());
        assertThat(http.server().post(path, "{}").status()).as("granting twice is fine").isEqualTo(201);
        assertThat(EmulatorHttp.texts(list("/team-permissions?user_id=" + bob.id()), "id")).contains("engine:read");
        assertThat(http.server().delete(path).json().get("success").asBoolean()).isTrue();
        assertThat(list("/team-permissions?user_id=" + bob.id() + "&permission_id=engine:read")).isEmpty();
        assertThat(http.server().delete(path).code()).as("not granted any more").isEqualTo("TEAM_PERMISSION_NOT_FOUND");
    }

    @Test
    void systemPermissionsCanBeGrantedDirectly() {
        assertThat(http.server().post("/team-permissions/" + team.id() + "/" + bob.id() + "/$delete_team", "{}").status())
                .isEqualTo(201);
        assertThat(http.server().post("/team-permissions/" + team.id() + "/" + bob.id() + "/$nope", "{}").code())
                .isEqualTo("SCHEMA_ERROR");
    }

    @Test
    void teamGrantErrors() {
        String base = "/team-permissions/" + team.id() + "/";
        assertThat(http.server().post(base + bob.id() + "/nope", "{}").code()).isEqualTo("PERMISSION_NOT_FOUND");
        JsonNode scope = http.server().post(base + bob.id() + "/billing:read", "{}").json();
        assertThat(scope.get("code").asText()).isEqualTo("WRONG_PERMISSION_SCOPE");
        assertThat(scope.get("details").get("actual_scope").asText()).isEqualTo("project");
        EmulatedUser outsider = emu.createUser(NewUser.builder().build());
        assertThat(http.server().post(base + outsider.id() + "/engine:read", "{}").code()).isEqualTo("TEAM_MEMBERSHIP_NOT_FOUND");
        assertThat(http.server().post("/team-permissions/" + NO_TEAM + "/" + bob.id() + "/engine:read", "{}").code())
                .as("Hexclave checks the membership, not the team").isEqualTo("TEAM_MEMBERSHIP_NOT_FOUND");
        assertThat(http.server().post(base + UUID.randomUUID() + "/engine:read", "{}").code()).isEqualTo("USER_NOT_FOUND");
        assertThat(http.server().post(base + bob.id() + "/Bad%20Id", "{}").code()).isEqualTo("SCHEMA_ERROR");
        assertThat(http.server().post("/team-permissions/not-a-uuid/" + bob.id() + "/engine:read", "{}").code())
                .isEqualTo("SCHEMA_ERROR");
        assertThat(http.client().post(base + bob.id() + "/engine:read", "{}").code()).isEqualTo("INSUFFICIENT_ACCESS_TYPE");
        assertThat(http.server().post(base + "me/engine:read", "{}").code()).isEqualTo("CANNOT_GET_OWN_USER_WITHOUT_USER");
    }

    @Test
    void clientsListOnlyTheirOwnPermissions() {
        String jwt = emu.mintAccessToken(ada);
        EmulatorHttp.Reply own = http.client().accessToken(jwt).get("/team-permissions?user_id=me");
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.json().get("items")).hasSize(2);
        for (String path : new String[] { "/team-permissions?user_id=" + bob.id(), "/team-permissions",
                "/project-permissions?user_id=" + bob.id() }) {
            EmulatorHttp.Reply other = http.client().accessToken(jwt).get(path);
            assertThat(other.status()).as(path).isEqualTo(403);
            assertThat(other.header("content-type")).startsWith("text/plain");
        }
        assertThat(http.client().get("/team-permissions?user_id=me").code()).isEqualTo("CANNOT_GET_OWN_USER_WITHOUT_USER");
    }

    // ------------------------------------------------------------------ project permissions

    @Test
    void projectGrantListAndRevoke() {
        String path = "/project-permissions/" + ada.id() + "/billing:admin";
        EmulatorHttp.Reply granted = http.server().post(path, "{}");
        assertThat(granted.status()).isEqualTo(201);
        assertThat(granted.json().get("id").asText()).isEqualTo("billing:admin");
        assertThat(granted.json().get("user_id").asText()).isEqualTo(ada.id());
        assertThat(EmulatorHttp.texts(list("/project-permissions?user_id=" + ada.id()), "id")).containsExactly("billing:admin");
        assertThat(EmulatorHttp.texts(list("/project-permissions?user_id=" + ada.id() + "&recursive=true"), "id"))
                .containsExactly("billing:admin", "billing:read");
        assertThat(list("/project-permissions?permission_id=billing:admin")).extracting(n -> n.get("user_id").asText())
                .contains(ada.id());
        assertThat(list("/project-permissions?user_id=" + ada.id()).get(0).has("team_id")).isFalse();
        String jwt = emu.mintAccessToken(ada);
        assertThat(http.client().accessToken(jwt).get("/project-permissions?user_id=me").json().get("items")).hasSize(1);
        assertThat(http.server().delete(path).status()).isEqualTo(200);
        assertThat(list("/project-permissions?user_id=" + ada.id())).isEmpty();
    }

    @Test
    void projectGrantErrors() {
        assertThat(http.server().post("/project-permissions/" + ada.id() + "/nope", "{}").code()).isEqualTo("PERMISSION_NOT_FOUND");
        assertThat(http.server().post("/project-permissions/" + ada.id() + "/engine:read", "{}").code())
                .isEqualTo("WRONG_PERMISSION_SCOPE");
        assertThat(http.server().post("/project-permissions/" + ada.id() + "/$update_team", "{}").code())
                .isEqualTo("WRONG_PERMISSION_SCOPE");
        assertThat(http.server().post("/project-permissions/" + UUID.randomUUID() + "/billing:read", "{}").code())
                .isEqualTo("USER_NOT_FOUND");
        assertThat(http.server().delete("/project-permissions/" + bob.id() + "/billing:read").code())
                .isEqualTo("PERMISSION_NOT_FOUND");
        assertThat(http.client().post("/project-permissions/" + ada.id() + "/billing:read", "{}").code())
                .isEqualTo("INSUFFICIENT_ACCESS_TYPE");
    }

    @Test
    void meMeansTheAccessTokensUser() {
        String jwt = emu.mintAccessToken(bob);
        assertThat(http.server().accessToken(jwt).post("/project-permissions/me/billing:read", "{}").json()
                .get("user_id").asText()).isEqualTo(bob.id());
        assertThat(http.server().accessToken(jwt).delete("/project-permissions/me/billing:read").status()).isEqualTo(200);
    }

    // ------------------------------------------------------------------ Java API

    @Test
    void javaApiGrantsAndRevokesLikeTheRestApi() {
        emu.grantProjectPermission(bob.id(), "billing:read");
        assertThat(EmulatorHttp.texts(list("/project-permissions?user_id=" + bob.id()), "id")).containsExactly("billing:read");
        assertThat(emu.revokeProjectPermission(bob.id(), "billing:read")).isTrue();
        assertThat(emu.revokeProjectPermission(bob.id(), "billing:read")).isFalse();
        assertThat(emu.revokeTeamPermission(team.id(), bob.id(), "team_member")).isTrue();
        assertThat(list("/team-permissions?user_id=" + bob.id() + "&team_id=" + team.id())).isEmpty();
        EmulatedUser newcomer = emu.createUser(NewUser.builder().build());
        emu.grantTeamPermission(team.id(), newcomer.id(), "engine:read");
        assertThat(EmulatorHttp.texts(list("/team-permissions?user_id=" + newcomer.id()), "id"))
                .as("granting makes a member, with the member defaults").containsExactly("engine:read", "team_member");
    }

    @Test
    void javaApiChecksItsArguments() {
        assertThatThrownBy(() -> emu.grantTeamPermission(team.id(), bob.id(), "undefined"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("defineTeamPermission");
        assertThatThrownBy(() -> emu.grantTeamPermission(team.id(), bob.id(), "billing:read"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> emu.grantProjectPermission(bob.id(), "engine:read"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("defineProjectPermission");
        assertThatThrownBy(() -> emu.defineTeamPermission("Bad Id")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> emu.defineTeamPermission("$update_team")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> emu.defineProjectPermission("engine:read"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("team permission");
        assertThatThrownBy(() -> emu.addTeamMember(NO_TEAM, bob.id())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> emu.grantProjectPermission(UUID.randomUUID().toString(), "billing:read"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void selectedTeamAppearsInTheUserObject() {
        emu.selectTeam(ada.id(), team.id());
        JsonNode u = http.server().get("/users/" + ada.id()).json();
        assertThat(u.get("selected_team_id").asText()).isEqualTo(team.id());
        assertThat(u.get("selected_team").get("display_name").asText()).isEqualTo("Engines");
        JsonNode client = http.client().accessToken(emu.mintAccessToken(ada)).get("/users/me").json();
        assertThat(client.get("selected_team").has("created_at_millis")).isFalse();
        assertThat(http.server().patch("/users/" + ada.id(), "{\"selected_team_id\":null}").json().get("selected_team").isNull())
                .isTrue();
    }
}
