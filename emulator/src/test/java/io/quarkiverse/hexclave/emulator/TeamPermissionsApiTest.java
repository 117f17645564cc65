package io.quarkiverse.hexclave.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** Team permissions (§8.1) through the Java API and the REST endpoints. */
class TeamPermissionsApiTest {

    private HexclaveEmulator emu;
    private EmulatorHttp http;
    private EmulatedUser ada;
    private EmulatedUser bob;
    private EmulatedTeam team;

    @BeforeEach
    void start() {
        emu = HexclaveEmulator.builder().build().start();
        http = new EmulatorHttp(emu);
        ada = emu.createUser(NewUser.withEmail("ada@example.com").build());
        bob = emu.createUser(NewUser.withEmail("bob@example.com").build());
        team = emu.createTeam("Engines");
        emu.defineTeamPermission("engine:write", "engine:read");
        emu.defineTeamPermission("engine:read");
        emu.grantTeamPermission(team.id(), ada.id(), "engine:write");
        emu.addTeamMember(team.id(), bob.id());
    }

    @AfterEach
    void stop() {
        emu.close();
    }

    private JsonNode list(String query) {
        EmulatorHttp.Reply reply = http.server().get("/team-permissions" + query);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    @Test
    void listShowsDirectGrantsAndRecursiveExpansion() {
        JsonNode direct = list("?user_id=" + ada.id() + "&team_id=" + team.id());
        assertThat(EmulatorHttp.texts(direct.get("items"), "id")).containsExactly("engine:write");
        assertThat(direct.get("items").get(0).get("team_id").asText()).isEqualTo(team.id());
        assertThat(direct.get("items").get(0).get("user_id").asText()).isEqualTo(ada.id());
        assertThat(direct.get("is_paginated").asBoolean()).isFalse();
        assertThat(EmulatorHttp.texts(list("?user_id=" + ada.id() + "&recursive=true").get("items"), "id"))
                .containsExactly("engine:write", "engine:read");
        assertThat(list("?user_id=" + ada.id() + "&permission_id=engine:read").get("items")).isEmpty();
        assertThat(list("?user_id=" + ada.id() + "&permission_id=engine:read&recursive=true").get("items")).hasSize(1);
        assertThat(list("?user_id=" + bob.id()).get("items")).isEmpty();
    }

    @Test
    void grantAndRevokeOverRest() {
        String path = "/team-permissions/" + team.id() + "/" + bob.id() + "/engine:read";
        EmulatorHttp.Reply granted = http.server().post(path, "{}");
        assertThat(granted.status()).isEqualTo(201);
        assertThat(granted.json().get("id").asText()).isEqualTo("engine:read");
        assertThat(EmulatorHttp.texts(list("?user_id=" + bob.id()).get("items"), "id")).containsExactly("engine:read");
        EmulatorHttp.Reply revoked = http.server().delete(path);
        assertThat(revoked.status()).isEqualTo(200);
        assertThat(list("?user_id=" + bob.id()).get("items")).isEmpty();
    }

    @Test
    void grantErrors() {
        assertThat(http.server().post("/team-permissions/" + team.id() + "/" + bob.id() + "/nope", "{}").code())
                .isEqualTo("PERMISSION_NOT_FOUND");
        EmulatedUser outsider = emu.createUser(NewUser.withEmail("out@example.com").build());
        assertThat(http.server().post("/team-permissions/" + team.id() + "/" + outsider.id() + "/engine:read", "{}").code())
                .isEqualTo("TEAM_MEMBERSHIP_NOT_FOUND");
        assertThat(http.server().post("/team-permissions/00000000-0000-4000-8000-000000000000/" + bob.id() + "/engine:read", "{}")
                .code()).isEqualTo("TEAM_NOT_FOUND");
        assertThat(http.client().post("/team-permissions/" + team.id() + "/" + bob.id() + "/engine:read", "{}").code())
                .isEqualTo("INSUFFICIENT_ACCESS_TYPE");
    }

    @Test
    void clientsListOnlyTheirOwnPermissions() {
        String jwt = emu.mintAccessToken(ada);
        EmulatorHttp.Reply own = http.client().accessToken(jwt).get("/team-permissions?user_id=me");
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.json().get("items")).hasSize(1);
        EmulatorHttp.Reply other = http.client().accessToken(jwt).get("/team-permissions?user_id=" + bob.id());
        assertThat(other.status()).isEqualTo(403);
        assertThat(other.header("content-type")).startsWith("text/plain");
    }

    @Test
    void javaApiChecksItsArguments() {
        assertThatThrownBy(() -> emu.grantTeamPermission(team.id(), bob.id(), "undefined"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> emu.defineTeamPermission("Bad Id")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> emu.addTeamMember("00000000-0000-4000-8000-000000000000", bob.id()))
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
