package io.quarkiverse.hexclave.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** The sessions API of wire reference §6. */
class SessionsApiTest {

    private HexclaveEmulator emu;
    private EmulatorHttp http;
    private EmulatedUser user;

    @BeforeEach
    void start() {
        emu = HexclaveEmulator.builder().build().start();
        http = new EmulatorHttp(emu);
        user = emu.createUser(NewUser.withEmail("s@example.com").build());
    }

    @AfterEach
    void stop() {
        emu.close();
    }

    private EmulatorHttp.Reply refresh(String refreshToken) {
        return http.server().header("x-hexclave-refresh-token", refreshToken).post("/auth/sessions/current/refresh", null);
    }

    @Test
    void createReturns200WithBothTokensAndTheTokenWorks() {
        EmulatorHttp.Reply reply = http.server().post("/auth/sessions", "{\"user_id\":\"" + user.id() + "\"}");
        assertThat(reply.status()).isEqualTo(200);
        JsonNode body = reply.json();
        assertThat(body.get("refresh_token").asText()).matches("[a-z2-7]{45}");
        assertThat(http.server().accessToken(body.get("access_token").asText()).get("/users/me").json().get("id").asText())
                .isEqualTo(user.id());
    }

    @Test
    void createValidatesUserAndLifetimeAndAccess() {
        EmulatorHttp.Reply unknown = http.server().post("/auth/sessions", "{\"user_id\":\"00000000-0000-4000-8000-000000000000\"}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.code()).isEqualTo("USER_ID_DOES_NOT_EXIST");
        assertThat(http.server().post("/auth/sessions", "{\"user_id\":\"" + user.id() + "\",\"expires_in_millis\":31708800001}")
                .code()).isEqualTo("SCHEMA_ERROR");
        assertThat(http.server().post("/auth/sessions", "{\"user_id\":\"" + user.id() + "\",\"expires_in_millis\":31708800000}")
                .status()).isEqualTo(200);
        assertThat(http.server().post("/auth/sessions", "{}").code()).isEqualTo("SCHEMA_ERROR");
        assertThat(http.client().post("/auth/sessions", "{\"user_id\":\"" + user.id() + "\"}").code())
                .isEqualTo("INSUFFICIENT_ACCESS_TYPE");
    }

    @Test
    void refreshMintsANewAccessTokenAndKeepsTheRefreshToken() {
        SessionTokens s = emu.createSession(user.id());
        EmulatorHttp.Reply reply = refresh(s.refreshToken());
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().size()).isEqualTo(1);
        String jwt = reply.json().get("access_token").asText();
        assertThat(http.server().accessToken(jwt).get("/users/me").status()).isEqualTo(200);
        assertThat(refresh(s.refreshToken()).status()).isEqualTo(200);
        // client access with the publishable key works too
        assertThat(http.client().header("x-hexclave-refresh-token", s.refreshToken()).post("/auth/sessions/current/refresh", null)
                .status()).isEqualTo(200);
        // legacy header name
        assertThat(http.server().header("x-stack-refresh-token", s.refreshToken()).post("/auth/sessions/current/refresh", null)
                .status()).isEqualTo(200);
    }

    @Test
    void refreshFailsForUnknownRevokedOrDeletedAndWithoutHeader() {
        assertThat(refresh("nope").code()).isEqualTo("REFRESH_TOKEN_NOT_FOUND_OR_EXPIRED");
        assertThat(refresh("nope").status()).isEqualTo(401);
        SessionTokens s = emu.createSession(user.id());
        emu.revokeSession(s.sessionId());
        assertThat(refresh(s.refreshToken()).code()).isEqualTo("REFRESH_TOKEN_NOT_FOUND_OR_EXPIRED");
        SessionTokens t = emu.createSession(user.id());
        http.server().delete("/users/" + user.id());
        assertThat(refresh(t.refreshToken()).code()).isEqualTo("REFRESH_TOKEN_NOT_FOUND_OR_EXPIRED");
        assertThat(http.server().post("/auth/sessions/current/refresh", null).code()).isEqualTo("SCHEMA_ERROR");
    }

    @Test
    void anExpiredAccessTokenBreaksRefresh() {
        SessionTokens s = emu.createSession(user.id());
        String expired = emu.token(user).expiresIn(java.time.Duration.ofSeconds(-1)).mint();
        EmulatorHttp.Reply reply = http.server().header("x-hexclave-refresh-token", s.refreshToken()).accessToken(expired)
                .post("/auth/sessions/current/refresh", null);
        assertThat(reply.code()).isEqualTo("ACCESS_TOKEN_EXPIRED");
    }

    @Test
    void signOutDeletesTheTokensSession() {
        SessionTokens s = emu.createSession(user.id());
        EmulatorHttp.Reply reply = http.client().accessToken(s.accessToken()).delete("/auth/sessions/current");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("success").asBoolean()).isTrue();
        assertThat(refresh(s.refreshToken()).code()).isEqualTo("REFRESH_TOKEN_NOT_FOUND_OR_EXPIRED");
        assertThat(http.client().accessToken(s.accessToken()).delete("/auth/sessions/current").code())
                .isEqualTo("REFRESH_TOKEN_NOT_FOUND_OR_EXPIRED");
        EmulatorHttp.Reply noToken = http.client().delete("/auth/sessions/current");
        assertThat(noToken.status()).isEqualTo(401);
        assertThat(noToken.code()).isEqualTo("ACCESS_TOKEN_EXPIRED");
    }

    @Test
    void listShowsTheUsersSessionsNewestFirstAndMarksTheCurrentOne() throws Exception {
        SessionTokens first = emu.createSession(user.id());
        Thread.sleep(3);
        SessionTokens second = emu.createSession(user.id());
        emu.createSession(emu.createUser(NewUser.withEmail("other@example.com").build()).id());
        http.server().post("/auth/sessions", "{\"user_id\":\"" + user.id() + "\",\"is_impersonation\":true}");
        EmulatorHttp.Reply reply = http.server().accessToken(first.accessToken()).get("/auth/sessions?user_id=" + user.id());
        assertThat(reply.status()).isEqualTo(200);
        JsonNode items = reply.json().get("items");
        assertThat(reply.json().get("is_paginated").asBoolean()).isFalse();
        assertThat(EmulatorHttp.texts(items, "id")).containsExactly(second.sessionId(), first.sessionId());
        assertThat(items.get(1).get("is_current_session").asBoolean()).isTrue();
        assertThat(items.get(0).get("is_current_session").asBoolean()).isFalse();
        assertThat(items.get(0).get("agent_name").isNull()).isTrue();
        assertThat(items.get(0).get("is_impersonation").asBoolean()).isFalse();
    }

    @Test
    void listNeedsAUserIdAndClientsSeeOnlyTheirOwn() {
        assertThat(http.server().get("/auth/sessions").code()).isEqualTo("SCHEMA_ERROR");
        SessionTokens s = emu.createSession(user.id());
        assertThat(http.client().accessToken(s.accessToken()).get("/auth/sessions?user_id=me").status()).isEqualTo(200);
        EmulatedUser other = emu.createUser(NewUser.withEmail("o@example.com").build());
        EmulatorHttp.Reply forbidden = http.client().accessToken(s.accessToken()).get("/auth/sessions?user_id=" + other.id());
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.body()).isEqualTo("Client can only list sessions for their own user.");
    }

    @Test
    void revokeDeletesOtherSessionsButNotTheCurrentOne() {
        SessionTokens current = emu.createSession(user.id());
        SessionTokens other = emu.createSession(user.id());
        EmulatorHttp.Reply self = http.server().accessToken(current.accessToken())
                .delete("/auth/sessions/" + current.sessionId() + "?user_id=me");
        assertThat(self.code()).isEqualTo("CANNOT_DELETE_CURRENT_SESSION");
        EmulatorHttp.Reply ok = http.server().accessToken(current.accessToken())
                .delete("/auth/sessions/" + other.sessionId() + "?user_id=" + user.id());
        assertThat(ok.status()).isEqualTo(200);
        assertThat(refresh(other.refreshToken()).code()).isEqualTo("REFRESH_TOKEN_NOT_FOUND_OR_EXPIRED");
        // access tokens stay valid until exp
        assertThat(http.server().accessToken(other.accessToken()).get("/users/me").status()).isEqualTo(200);
        EmulatorHttp.Reply missing = http.server().delete("/auth/sessions/" + other.sessionId() + "?user_id=" + user.id());
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.body()).isEqualTo("Session not found.");
        assertThat(http.server().delete("/auth/sessions/not-a-uuid?user_id=" + user.id()).code()).isEqualTo("SCHEMA_ERROR");
        assertThat(http.server().delete("/auth/sessions/" + current.sessionId()).code()).isEqualTo("SCHEMA_ERROR");
    }

    @Test
    void clientsCannotRevokeOtherUsersSessions() {
        SessionTokens mine = emu.createSession(user.id());
        EmulatedUser other = emu.createUser(NewUser.withEmail("x@example.com").build());
        SessionTokens theirs = emu.createSession(other.id());
        EmulatorHttp.Reply reply = http.client().accessToken(mine.accessToken())
                .delete("/auth/sessions/" + theirs.sessionId() + "?user_id=" + other.id());
        assertThat(reply.status()).isEqualTo(404);
        assertThat(refresh(theirs.refreshToken()).status()).isEqualTo(200);
    }

    @Test
    void sessionTokensToStringHidesTheTokens() {
        SessionTokens s = emu.createSession(user.id());
        assertThat(s.toString()).contains(s.sessionId()).doesNotContain(s.refreshToken()).doesNotContain(s.accessToken());
    }
}
