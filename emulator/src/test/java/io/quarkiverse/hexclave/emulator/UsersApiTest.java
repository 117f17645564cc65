package io.quarkiverse.hexclave.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** The users API of wire reference §5, every response validated against the contract. */
class UsersApiTest {

    private HexclaveEmulator emu;
    private EmulatorHttp http;

    @BeforeEach
    void start() {
        emu = HexclaveEmulator.builder().build().start();
        http = new EmulatorHttp(emu);
    }

    @AfterEach
    void stop() {
        emu.close();
    }

    private static String id(EmulatorHttp.Reply r) {
        return r.json().get("id").asText();
    }

    @Test
    void createWithEmptyBodyGives201AndTheServerView() {
        EmulatorHttp.Reply reply = http.server().post("/users", "{}");
        assertThat(reply.status()).isEqualTo(201);
        JsonNode u = reply.json();
        assertThat(u.get("primary_email").isNull()).isTrue();
        assertThat(u.get("is_anonymous").asBoolean()).isFalse();
        assertThat(u.get("risk_scores").get("sign_up").get("bot").asInt()).isZero();
        assertThat(emu.user(u.get("id").asText())).isPresent();
    }

    @Test
    void createStoresEveryDocumentedField() {
        EmulatorHttp.Reply reply = http.server().post("/users", """
                {"display_name":"Ada","primary_email":"Ada@Example.com","primary_email_verified":true,
                 "primary_email_auth_enabled":true,"password":"correct horse","otp_auth_enabled":true,
                 "server_metadata":{"plan":"pro"},"client_metadata":{"theme":"dark"},"client_read_only_metadata":{"tier":1},
                 "country_code":"ch","risk_scores":{"sign_up":{"bot":5,"free_trial_abuse":7}},
                 "oauth_providers":[{"id":"github","account_id":"42","email":null}],
                 "restricted_by_admin":true,"restricted_by_admin_reason":"spam","restricted_by_admin_private_details":"ticket 7"}""");
        assertThat(reply.status()).isEqualTo(201);
        JsonNode u = reply.json();
        assertThat(u.get("primary_email").asText()).isEqualTo("ada@example.com");
        assertThat(u.get("has_password").asBoolean()).isTrue();
        assertThat(u.get("auth_with_email").asBoolean()).isTrue();
        assertThat(u.get("server_metadata").get("plan").asText()).isEqualTo("pro");
        assertThat(u.get("country_code").asText()).isEqualTo("CH");
        assertThat(u.get("risk_scores").get("sign_up").get("free_trial_abuse").asInt()).isEqualTo(7);
        assertThat(u.get("oauth_providers").get(0).get("id").asText()).isEqualTo("github");
        assertThat(u.get("is_restricted").asBoolean()).isTrue();
        assertThat(u.get("restricted_reason").get("type").asText()).isEqualTo("restricted_by_administrator");
        assertThat(u.get("restricted_by_admin_private_details").asText()).isEqualTo("ticket 7");
        assertThat(u.toString()).doesNotContain("correct horse");
    }

    @Test
    void createRejectsInconsistentFields() {
        assertThat(http.server().post("/users", "{\"primary_email_verified\":true}").code()).isEqualTo("SCHEMA_ERROR");
        assertThat(http.server().post("/users", "{\"password\":\"abcdefgh\",\"password_hash\":\"$2a$x\"}").code())
                .isEqualTo("SCHEMA_ERROR");
        assertThat(http.server().post("/users", "{\"password\":\"short\"}").code()).isEqualTo("PASSWORD_TOO_SHORT");
        assertThat(http.server().post("/users", "{\"restricted_by_admin_reason\":\"x\"}").code()).isEqualTo("SCHEMA_ERROR");
        assertThat(http.server().post("/users", "{\"primary_email\":\"not-an-email\"}").code()).isEqualTo("SCHEMA_ERROR");
        assertThat(http.server().post("/users", "{\"selected_team_id\":null}").code()).isEqualTo("SCHEMA_ERROR");
    }

    @Test
    void emailUsedForSignInByAnotherUserIsAConflict() {
        http.server().post("/users", "{\"primary_email\":\"dup@example.com\",\"primary_email_auth_enabled\":true}");
        EmulatorHttp.Reply dup = http.server().post("/users",
                "{\"primary_email\":\"dup@example.com\",\"primary_email_auth_enabled\":true}");
        assertThat(dup.status()).isEqualTo(409);
        assertThat(dup.code()).isEqualTo("CONTACT_CHANNEL_ALREADY_USED_FOR_AUTH_BY_SOMEONE_ELSE");
        assertThat(http.server().post("/users", "{\"primary_email\":\"dup@example.com\"}").status()).isEqualTo(201);
    }

    @Test
    void getPatchDeleteByIdAndNotFoundAfterDelete() {
        String id = id(http.server().post("/users", "{\"display_name\":\"Bob\"}"));
        assertThat(http.server().get("/users/" + id).json().get("display_name").asText()).isEqualTo("Bob");
        EmulatorHttp.Reply patched = http.server().patch("/users/" + id,
                "{\"display_name\":\"\",\"client_read_only_metadata\":{\"a\":1}}");
        assertThat(patched.status()).isEqualTo(200);
        assertThat(patched.json().get("display_name").isNull()).isTrue();
        assertThat(patched.json().get("client_read_only_metadata").get("a").asInt()).isEqualTo(1);
        assertThat(http.server().delete("/users/" + id).json().get("success").asBoolean()).isTrue();
        EmulatorHttp.Reply gone = http.server().get("/users/" + id);
        assertThat(gone.status()).isEqualTo(404);
        assertThat(gone.code()).isEqualTo("USER_NOT_FOUND");
        assertThat(http.server().delete("/users/" + id).code()).isEqualTo("USER_NOT_FOUND");
    }

    @Test
    void patchIsAtomicWhenAFieldIsInvalid() {
        String id = id(http.server().post("/users", "{\"display_name\":\"Keep\"}"));
        assertThat(http.server().patch("/users/" + id, "{\"display_name\":\"Changed\",\"country_code\":\"xyz\"}").code())
                .isEqualTo("SCHEMA_ERROR");
        assertThat(http.server().get("/users/" + id).json().get("display_name").asText()).isEqualTo("Keep");
    }

    @Test
    void patchIsAnonymousTrueIsRejectedAndFalseConvertsTheUser() {
        EmulatedUser anon = emu.createUser(NewUser.anonymousUser().build());
        assertThat(http.server().patch("/users/" + anon.id(), "{\"is_anonymous\":true}").code()).isEqualTo("SCHEMA_ERROR");
        EmulatorHttp.Reply converted = http.server().patch("/users/" + anon.id(), "{\"is_anonymous\":false}");
        assertThat(converted.json().get("is_anonymous").asBoolean()).isFalse();
        assertThat(emu.user(anon.id()).orElseThrow().userClass()).isEqualTo(UserClass.NORMAL);
    }

    @Test
    void settingAPasswordRevokesTheUsersSessions() {
        EmulatedUser u = emu.createUser(NewUser.withEmail("pw@example.com").build());
        SessionTokens s = emu.createSession(u.id());
        http.server().patch("/users/" + u.id(), "{\"password\":\"a much better one\"}");
        assertThat(http.server().header("x-hexclave-refresh-token", s.refreshToken()).post("/auth/sessions/current/refresh", null)
                .code()).isEqualTo("REFRESH_TOKEN_NOT_FOUND_OR_EXPIRED");
    }

    @Test
    void malformedIdIsASchemaErrorAndMeNeedsAUser() {
        assertThat(http.server().get("/users/not-a-uuid").code()).isEqualTo("SCHEMA_ERROR");
        EmulatorHttp.Reply me = http.server().get("/users/me");
        assertThat(me.status()).isEqualTo(400);
        assertThat(me.code()).isEqualTo("CANNOT_GET_OWN_USER_WITHOUT_USER");
    }

    @Test
    void meReturnsServerViewForServerAndClientViewForClient() {
        EmulatedUser u = emu.createUser(NewUser.withEmail("me@example.com").displayName("Me").serverMetadata(Map.of("s", 1))
                .build());
        String jwt = emu.mintAccessToken(u);
        JsonNode server = http.server().accessToken(jwt).get("/users/me").json();
        JsonNode client = http.client().accessToken(jwt).get("/users/me").json();
        assertThat(server.get("id").asText()).isEqualTo(u.id());
        assertThat(server.has("server_metadata")).isTrue();
        assertThat(server.has("last_active_at_millis")).isTrue();
        assertThat(client.get("id").asText()).isEqualTo(u.id());
        assertThat(client.has("server_metadata")).isFalse();
        assertThat(client.has("restricted_by_admin_private_details")).isFalse();
        assertThat(client.has("primary_email_auth_enabled")).isFalse();
    }

    @Test
    void clientMayOnlyUpdateItsSubsetOfFields() {
        EmulatedUser u = emu.createUser(NewUser.withEmail("cu@example.com").build());
        String jwt = emu.mintAccessToken(u);
        EmulatorHttp.Reply ok = http.client().accessToken(jwt).patch("/users/me", "{\"display_name\":\"New\",\"client_metadata\":{\"x\":1}}");
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.json().get("display_name").asText()).isEqualTo("New");
        EmulatorHttp.Reply denied = http.client().accessToken(jwt).patch("/users/me", "{\"server_metadata\":{\"x\":1}}");
        assertThat(denied.code()).isEqualTo("SCHEMA_ERROR");
        assertThat(http.client().accessToken(jwt).get("/users/" + u.id()).code()).isEqualTo("INSUFFICIENT_ACCESS_TYPE");
    }

    @Test
    void clientDeletionOfMeDependsOnTheProjectSetting() {
        EmulatedUser u = emu.createUser(NewUser.withEmail("del@example.com").build());
        EmulatorHttp.Reply denied = http.client().accessToken(emu.mintAccessToken(u)).delete("/users/me");
        assertThat(denied.status()).isEqualTo(400);
        assertThat(emu.user(u.id())).isPresent();
        assertThat(http.server().accessToken(emu.mintAccessToken(u)).delete("/users/me").status()).isEqualTo(200);
        assertThat(emu.user(u.id())).isEmpty();
        try (HexclaveEmulator permissive = HexclaveEmulator.builder().clientUserDeletionEnabled(true).build().start()) {
            EmulatedUser p = permissive.createUser(NewUser.withEmail("p@example.com").build());
            assertThat(new EmulatorHttp(permissive).client().accessToken(permissive.mintAccessToken(p)).delete("/users/me")
                    .status()).isEqualTo(200);
        }
    }

    @Test
    void restrictedAndAnonymousTokensNeedTheAllowHeaders() {
        EmulatedUser restricted = emu.createUser(NewUser.withEmail("r@example.com").restrictedByAdmin("why").build());
        EmulatedUser anonymous = emu.createUser(NewUser.anonymousUser().build());
        String rt = emu.mintAccessToken(restricted);
        String at = emu.mintAccessToken(anonymous);
        EmulatorHttp.Reply r = http.server().accessToken(rt).get("/users/me");
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.code()).isEqualTo("RESTRICTED_USER_NOT_ALLOWED");
        assertThat(r.json().get("details").get("restricted_reason").get("type").asText()).isEqualTo("restricted_by_administrator");
        assertThat(http.server().accessToken(rt).header("x-hexclave-allow-restricted-user", "true").get("/users/me").status())
                .isEqualTo(200);
        assertThat(http.server().accessToken(rt).header("x-hexclave-allow-restricted-user", "True").get("/users/me").status())
                .isEqualTo(403);
        EmulatorHttp.Reply a = http.server().accessToken(at).header("x-hexclave-allow-restricted-user", "true").get("/users/me");
        assertThat(a.status()).isEqualTo(401);
        assertThat(a.code()).isEqualTo("ANONYMOUS_AUTHENTICATION_NOT_ALLOWED");
        assertThat(http.server().accessToken(at).header("x-hexclave-allow-anonymous-user", "true").get("/users/me").status())
                .isEqualTo(200);
        // allow-anonymous implies allow-restricted
        assertThat(http.server().accessToken(rt).header("x-hexclave-allow-anonymous-user", "true").get("/users/me").status())
                .isEqualTo(200);
    }

    @Test
    void deletedUsersTokenStillDecodesButMeFails() {
        EmulatedUser u = emu.createUser(NewUser.withEmail("gone@example.com").build());
        String jwt = emu.mintAccessToken(u);
        emu.deleteUser(u.id());
        assertThat(http.server().accessToken(jwt).get("/users/me").code()).isEqualTo("CANNOT_GET_OWN_USER_WITHOUT_USER");
        assertThat(http.server().accessToken(jwt).get("/users").status()).isEqualTo(200);
    }

    // ------------------------------------------------------------------ list

    @Test
    void listFiltersUserClassesByDefault() {
        EmulatedUser normal = emu.createUser(NewUser.withEmail("n@example.com").build());
        EmulatedUser restricted = emu.createUser(NewUser.withEmail("r@example.com").restrictedByAdmin(null).build());
        EmulatedUser anonymous = emu.createUser(NewUser.anonymousUser().build());
        assertThat(ids("/users")).containsExactly(normal.id());
        // users created in the same millisecond are ordered by id, as in the real backend: compare as sets
        assertThat(ids("/users?include_restricted=true")).containsExactlyInAnyOrder(normal.id(), restricted.id());
        assertThat(ids("/users?include_anonymous=true")).containsExactlyInAnyOrder(normal.id(), restricted.id(), anonymous.id());
        assertThat(ids("/users?include_anonymous=true&only_anonymous=true")).containsExactly(anonymous.id());
        EmulatorHttp.Reply misuse = http.server().get("/users?only_anonymous=true");
        assertThat(misuse.status()).isEqualTo(400);
        assertThat(misuse.header("content-type")).startsWith("text/plain");
        assertThat(http.server().get("/users?include_restricted=yes").code()).isEqualTo("SCHEMA_ERROR");
    }

    @Test
    void listPaginatesWithAnExclusiveCursor() {
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            created.add(emu.createUser(NewUser.withEmail("p" + i + "@example.com")
                    .signedUpAt(Instant.ofEpochMilli(1_700_000_000_000L + i * 1000L)).build()).id());
        }
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = http.server().get("/users?limit=3" + (cursor == null ? "" : "&cursor=" + cursor)).json();
            assertThat(page.get("is_paginated").asBoolean()).isTrue();
            seen.addAll(EmulatorHttp.texts(page.get("items"), "id"));
            JsonNode next = page.get("pagination").get("next_cursor");
            cursor = next.isNull() ? null : next.asText();
            if (cursor != null) {
                assertThat(cursor).isEqualTo(seen.get(seen.size() - 1));
            }
            pages++;
        } while (cursor != null);
        assertThat(pages).isEqualTo(3);
        assertThat(seen).isEqualTo(created);
        List<String> reversed = new ArrayList<>(created);
        java.util.Collections.reverse(reversed);
        assertThat(ids("/users?desc=true")).isEqualTo(reversed);
    }

    @Test
    void listLimitMustBeBetween1And1000() {
        assertThat(http.server().get("/users?limit=0").code()).isEqualTo("SCHEMA_ERROR");
        assertThat(http.server().get("/users?limit=1001").code()).isEqualTo("SCHEMA_ERROR");
        assertThat(http.server().get("/users?limit=abc").code()).isEqualTo("SCHEMA_ERROR");
        assertThat(http.server().get("/users?cursor=nope").code()).isEqualTo("SCHEMA_ERROR");
        assertThat(http.server().get("/users?order_by=email").code()).isEqualTo("SCHEMA_ERROR");
        assertThat(http.server().get("/users?limit=1000").status()).isEqualTo(200);
    }

    @Test
    void listSearchesIdNameAndEmailAndExcludesDomains() {
        EmulatedUser ada = emu.createUser(NewUser.withEmail("ada@gmail.com").displayName("Ada Lovelace").build());
        EmulatedUser bob = emu.createUser(NewUser.withEmail("bob@mail.gmail.com").displayName("Bob").build());
        EmulatedUser cy = emu.createUser(NewUser.withEmail("cy@corp.example").displayName("Cy").build());
        assertThat(ids("/users?query=LOVELACE")).containsExactly(ada.id());
        assertThat(ids("/users?query=corp.ex")).containsExactly(cy.id());
        assertThat(ids("/users?query=" + bob.id())).containsExactly(bob.id());
        assertThat(ids("/users?excluded_email_domains=@GMAIL.com")).containsExactlyInAnyOrder(bob.id(), cy.id());
        assertThat(ids("/users?excluded_email_domains=gmail.com,corp.example")).containsExactly(bob.id());
        EmulatorHttp.Reply bad = http.server().get("/users?excluded_email_domains=not%20a%20domain");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.header("content-type")).startsWith("text/plain");
    }

    @Test
    void listByTeamAndByLastActivity() throws Exception {
        EmulatedUser a = emu.createUser(NewUser.withEmail("a@example.com").build());
        EmulatedUser b = emu.createUser(NewUser.withEmail("b@example.com").build());
        EmulatedTeam team = emu.createTeam("T");
        emu.addTeamMember(team.id(), b.id());
        assertThat(ids("/users?team_id=" + team.id())).containsExactly(b.id());
        Thread.sleep(5);
        SessionTokens s = emu.createSession(a.id());
        http.server().header("x-hexclave-refresh-token", s.refreshToken()).post("/auth/sessions/current/refresh", null);
        assertThat(ids("/users?order_by=last_active_at&desc=true").get(0)).isEqualTo(a.id());
    }

    private List<String> ids(String pathAndQuery) {
        EmulatorHttp.Reply reply = http.server().get(pathAndQuery);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return EmulatorHttp.texts(reply.json().get("items"), "id");
    }
}
