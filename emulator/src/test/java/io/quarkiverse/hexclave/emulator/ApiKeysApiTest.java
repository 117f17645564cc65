package io.quarkiverse.hexclave.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import java.util.zip.CRC32;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkiverse.hexclave.emulator.junit.WithHexclaveEmulator;

/** User and team API keys (§9.6): the key format, create-once value, list, read, update, revoke and check. */
@WithHexclaveEmulator
class ApiKeysApiTest {

    private final HexclaveEmulator emu;
    private final EmulatorHttp http;
    private final EmulatedUser ada;
    private final EmulatedTeam team;

    ApiKeysApiTest(HexclaveEmulator emu) {
        this.emu = emu;
        this.http = new EmulatorHttp(emu);
        ada = emu.createUser(NewUser.withEmail("ada-" + UUID.randomUUID() + "@example.com").build());
        team = emu.createTeam("Keys", ada.id());
    }

    private JsonNode ok(EmulatorHttp.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    private EmulatorHttp.Reply check(String type, String key) {
        return http.server().post("/" + type + "-api-keys/check", "{\"api_key\":\"" + key + "\"}");
    }

    @Test
    void keysHaveHexclavesFormatWithAValidChecksum() {
        JsonNode created = ok(http.server().post("/user-api-keys",
                "{\"user_id\":\"" + ada.id() + "\",\"description\":\"CI\",\"expires_at_millis\":null}"));
        String value = created.get("value").asText();
        String id = created.get("id").asText();
        assertThat(value).matches("sk_[0-9a-hjkmnp-tv-z]{45}" + id.replace("-", "") + "user1574ck4u7h[0-9a-f]{8}");
        CRC32 crc = new CRC32();
        crc.update(value.substring(0, value.length() - 8).getBytes(StandardCharsets.UTF_8));
        assertThat(value).endsWith(String.format("%08x", crc.getValue()));
        String publicTeamKey = emu.createApiKey(NewApiKey.forTeam(team.id()).isPublic(true).build()).value();
        assertThat(publicTeamKey).startsWith("pk_").contains("team3574ck4u7h");
    }

    @Test
    void theFullValueIsShownOnceThenOnlyItsLastFour() {
        JsonNode created = ok(http.server().post("/user-api-keys", "{\"user_id\":\"" + ada.id() + "\",\"description\":\"CLI\"}"));
        String value = created.get("value").asText();
        assertThat(created.get("type").asText()).isEqualTo("user");
        assertThat(created.get("user_id").asText()).isEqualTo(ada.id());
        assertThat(created.get("is_public").asBoolean()).isFalse();
        assertThat(created.has("expires_at_millis")).isFalse();
        assertThat(created.has("manually_revoked_at_millis")).isFalse();
        JsonNode read = ok(http.server().get("/user-api-keys/" + created.get("id").asText()));
        assertThat(read.get("value").get("last_four").asText()).isEqualTo(value.substring(value.length() - 4));
        assertThat(read.toString()).doesNotContain(value);
        JsonNode list = ok(http.server().get("/user-api-keys?user_id=" + ada.id()));
        assertThat(list.get("items").get(0).get("id").asText()).as("newest first").isEqualTo(created.get("id").asText());
        assertThat(list.toString()).doesNotContain(value);
        assertThat(ok(check("user", value)).get("description").asText()).isEqualTo("CLI");
    }

    @Test
    void updateChangesTheDescriptionAndRevokesOnce() {
        EmulatedApiKey key = emu.createApiKey(NewApiKey.forUser(ada.id()).description("old").build());
        JsonNode updated = ok(http.server().patch("/user-api-keys/" + key.id(), "{\"description\":\"new\"}"));
        assertThat(updated.get("description").asText()).isEqualTo("new");
        JsonNode revoked = ok(http.server().patch("/user-api-keys/" + key.id(), "{\"revoked\":true}"));
        long revokedAt = revoked.get("manually_revoked_at_millis").asLong();
        assertThat(revokedAt).isPositive();
        assertThat(ok(http.server().patch("/user-api-keys/" + key.id(), "{\"revoked\":true}")).get("manually_revoked_at_millis")
                .asLong()).isEqualTo(revokedAt);
        assertThat(http.server().patch("/user-api-keys/" + key.id(), "{\"revoked\":false}").code()).isEqualTo("SCHEMA_ERROR");
        assertThat(check("user", key.value()).code()).isEqualTo("API_KEY_REVOKED");
    }

    @Test
    void checkAnswersEachKnownError() {
        EmulatedApiKey userKey = emu.createApiKey(NewApiKey.forUser(ada.id()).build());
        EmulatedApiKey teamKey = emu.createApiKey(NewApiKey.forTeam(team.id()).description("bot").build());
        EmulatedApiKey expired = emu.createApiKey(NewApiKey.forUser(ada.id()).expiresAt(Instant.now().minusSeconds(1)).build());
        EmulatedApiKey later = emu.createApiKey(NewApiKey.forUser(ada.id()).expiresAt(Instant.now().plusSeconds(3600)).build());
        JsonNode teamView = ok(check("team", teamKey.value()));
        assertThat(teamView.get("team_id").asText()).isEqualTo(team.id());
        assertThat(teamView.get("type").asText()).isEqualTo("team");
        assertThat(ok(check("user", later.value())).get("expires_at_millis").asLong()).isEqualTo(later.expiresAt().toEpochMilli());
        assertThat(check("user", "sk_nope").code()).isEqualTo("API_KEY_NOT_FOUND");
        assertThat(check("user", expired.value()).code()).isEqualTo("API_KEY_EXPIRED");
        EmulatorHttp.Reply wrong = check("user", teamKey.value());
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.json().get("details").get("expected_type").asText()).isEqualTo("user");
        assertThat(wrong.json().get("details").get("actual_type").asText()).isEqualTo("team");
        assertThat(check("team", userKey.value()).code()).isEqualTo("WRONG_API_KEY_TYPE");
        assertThat(emu.revokeApiKey(userKey.id())).isTrue();
        assertThat(check("user", userKey.value()).status()).isEqualTo(401);
        assertThat(http.client().post("/user-api-keys/check", "{\"api_key\":\"" + later.value() + "\"}").code())
                .isEqualTo("INSUFFICIENT_ACCESS_TYPE");
    }

    @Test
    void teamKeysOverRest() {
        JsonNode created = ok(http.server().post("/team-api-keys",
                "{\"team_id\":\"" + team.id() + "\",\"description\":\"deploy\",\"is_public\":true}"));
        assertThat(created.get("value").asText()).startsWith("pk_");
        assertThat(created.get("team_id").asText()).isEqualTo(team.id());
        String id = created.get("id").asText();
        assertThat(EmulatorHttp.texts(ok(http.server().get("/team-api-keys?team_id=" + team.id())).get("items"), "id"))
                .contains(id);
        assertThat(http.server().get("/user-api-keys/" + id).code()).as("a team key is no user key").isEqualTo("API_KEY_NOT_FOUND");
        assertThat(ok(http.server().patch("/team-api-keys/" + id, "{\"description\":\"prod\"}")).get("description").asText())
                .isEqualTo("prod");
    }

    @Test
    void requestErrors() {
        assertThat(http.server().get("/user-api-keys").code()).isEqualTo("SCHEMA_ERROR");
        assertThat(http.server().get("/team-api-keys").code()).isEqualTo("SCHEMA_ERROR");
        assertThat(http.server().post("/user-api-keys", "{\"user_id\":\"" + ada.id() + "\"}").code()).isEqualTo("SCHEMA_ERROR");
        assertThat(http.server().post("/user-api-keys", "{\"user_id\":\"" + UUID.randomUUID() + "\",\"description\":\"x\"}").code())
                .isEqualTo("USER_NOT_FOUND");
        assertThat(http.server().post("/team-api-keys", "{\"team_id\":\"" + UUID.randomUUID() + "\",\"description\":\"x\"}").code())
                .isEqualTo("TEAM_NOT_FOUND");
        assertThat(http.server().post("/user-api-keys", "{\"team_id\":\"" + team.id() + "\",\"description\":\"x\"}").code())
                .isEqualTo("SCHEMA_ERROR");
        assertThat(http.server().get("/user-api-keys/" + UUID.randomUUID()).code()).isEqualTo("API_KEY_NOT_FOUND");
        assertThat(http.server().patch("/team-api-keys/" + UUID.randomUUID(), "{\"description\":\"x\"}").code())
                .isEqualTo("API_KEY_NOT_FOUND");
    }

    @Test
    void clientsManageTheirOwnKeysAndTheirTeamsWithManageApiKeys() {
        String adaJwt = emu.mintAccessToken(ada);
        JsonNode own = ok(http.client().accessToken(adaJwt).post("/user-api-keys",
                "{\"user_id\":\"me\",\"description\":\"mine\",\"expires_at_millis\":null}"));
        assertThat(own.get("user_id").asText()).isEqualTo(ada.id());
        assertThat(ok(http.client().accessToken(adaJwt).get("/user-api-keys?user_id=me")).get("items")).isNotEmpty();
        EmulatedUser bob = emu.createUser(NewUser.withEmail("bob-" + UUID.randomUUID() + "@example.com").build());
        String bobJwt = emu.mintAccessToken(bob);
        assertThat(http.client().accessToken(bobJwt).get("/user-api-keys/" + own.get("id").asText()).status()).isEqualTo(403);
        assertThat(http.client().accessToken(bobJwt).get("/user-api-keys?user_id=" + ada.id()).status()).isEqualTo(403);
        assertThat(ok(http.client().accessToken(adaJwt).post("/team-api-keys",
                "{\"team_id\":\"" + team.id() + "\",\"description\":\"team\",\"expires_at_millis\":null}")).get("value").asText())
                .startsWith("sk_");
        emu.addTeamMember(team.id(), bob.id());
        assertThat(http.client().accessToken(bobJwt).get("/team-api-keys?team_id=" + team.id()).code())
                .as("team_member lacks $manage_api_keys").isEqualTo("API_KEY_NOT_FOUND");
        assertThat(http.client().post("/user-api-keys", "{\"user_id\":\"" + ada.id() + "\",\"description\":\"x\"}").code())
                .isEqualTo("USER_AUTHENTICATION_REQUIRED");
    }

    @Test
    void javaApiChecksOwnersAndHidesTheValueInToString() {
        EmulatedApiKey key = emu.createApiKey(NewApiKey.forUser(ada.id()).description("d").build());
        assertThat(key.toString()).doesNotContain(key.value()).contains(key.id());
        assertThat(key.type()).isEqualTo("user");
        assertThat(key.ownerId()).isEqualTo(ada.id());
        assertThatThrownBy(() -> emu.createApiKey(NewApiKey.forTeam(UUID.randomUUID().toString()).build()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(emu.revokeApiKey(UUID.randomUUID().toString())).isFalse();
    }
}
