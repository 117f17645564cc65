package io.quarkiverse.hexclave.client;

import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.quarkiverse.hexclave.client.HexclaveStub.TEAM_ID;
import static io.quarkiverse.hexclave.client.HexclaveStub.USER_ID;
import static io.quarkiverse.hexclave.client.HexclaveStub.json;
import static io.quarkiverse.hexclave.client.HexclaveStub.knownError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkiverse.hexclave.client.error.PermissionNotFoundException;
import io.quarkiverse.hexclave.client.error.TeamMembershipNotFoundException;
import io.quarkiverse.hexclave.client.error.TeamNotFoundException;
import io.quarkiverse.hexclave.client.model.TeamPermission;
import io.quarkiverse.hexclave.client.model.TeamPermissionQuery;

class TeamPermissionsApiTest {

    private final HexclaveStub hexclave = new HexclaveStub();
    private final HexclaveClient client = hexclave.client();

    @AfterEach
    void stop() {
        client.close();
        hexclave.close();
    }

    @Test
    void listSendsTheFiltersThatWereSet() {
        String url = "/api/v1/team-permissions?user_id=" + USER_ID + "&team_id=" + TEAM_ID + "&permission_id=%24read_members&recursive=true";
        hexclave.server.stubFor(get(urlEqualTo(url)).willReturn(json(200, """
                {"is_paginated":false,"items":[{"id":"$read_members","team_id":"%s","user_id":"%s"}]}""".formatted(TEAM_ID, USER_ID))));

        var permissions = client.teamPermissions().list(TeamPermissionQuery.builder().userId(USER_ID).teamId(TEAM_ID)
                .permissionId("$read_members").recursive(true).build());

        assertThat(permissions).containsExactly(new TeamPermission("$read_members", TEAM_ID, USER_ID));
        hexclave.server.verify(UsersApiTest.serverHeaders(getRequestedFor(urlEqualTo(url))));
    }

    @Test
    void ofUserListsRecursively() {
        hexclave.server.stubFor(get(urlEqualTo("/api/v1/team-permissions?user_id=" + USER_ID + "&recursive=true"))
                .willReturn(json(200, "{\"is_paginated\":false,\"items\":[]}")));

        assertThat(client.teamPermissions().list(TeamPermissionQuery.ofUser(USER_ID))).isEmpty();
    }

    @Test
    void grantPostsAnEmptyObject() {
        String path = "/api/v1/team-permissions/" + TEAM_ID + "/" + USER_ID + "/team_admin";
        hexclave.server.stubFor(post(path).willReturn(json(201, "{\"id\":\"team_admin\",\"team_id\":\"" + TEAM_ID
                + "\",\"user_id\":\"" + USER_ID + "\"}")));

        TeamPermission granted = client.teamPermissions().grant(TEAM_ID, USER_ID, "team_admin");

        assertThat(granted.id()).isEqualTo("team_admin");
        hexclave.server.verify(UsersApiTest.serverHeaders(postRequestedFor(urlEqualTo(path))).withRequestBody(equalToJson("{}")));
    }

    @Test
    void revokeDeletes() {
        String path = "/api/v1/team-permissions/" + TEAM_ID + "/" + USER_ID + "/team_admin";
        hexclave.server.stubFor(delete(path).willReturn(json(200, "{\"success\":true}")));

        client.teamPermissions().revoke(TEAM_ID, USER_ID, "team_admin");

        hexclave.server.verify(UsersApiTest.serverHeaders(deleteRequestedFor(urlEqualTo(path))));
    }

    @Test
    void grantErrorsAreTyped() {
        String base = "/api/v1/team-permissions/" + TEAM_ID + "/" + USER_ID + "/";
        hexclave.server.stubFor(post(base + "nope").willReturn(knownError(404, "PERMISSION_NOT_FOUND")));
        hexclave.server.stubFor(post(base + "scoped").willReturn(knownError(404, "WRONG_PERMISSION_SCOPE")));
        hexclave.server.stubFor(post(base + "member").willReturn(knownError(404, "TEAM_MEMBERSHIP_NOT_FOUND")));
        hexclave.server.stubFor(post(base + "team").willReturn(knownError(404, "TEAM_NOT_FOUND")));

        assertThatThrownBy(() -> client.teamPermissions().grant(TEAM_ID, USER_ID, "nope")).isInstanceOf(PermissionNotFoundException.class);
        assertThatThrownBy(() -> client.teamPermissions().grant(TEAM_ID, USER_ID, "scoped")).isInstanceOf(PermissionNotFoundException.class);
        assertThatThrownBy(() -> client.teamPermissions().grant(TEAM_ID, USER_ID, "member")).isInstanceOf(TeamMembershipNotFoundException.class);
        assertThatThrownBy(() -> client.teamPermissions().grant(TEAM_ID, USER_ID, "team")).isInstanceOf(TeamNotFoundException.class);
    }
}
