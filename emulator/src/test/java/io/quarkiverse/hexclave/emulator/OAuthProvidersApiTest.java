package io.quarkiverse.hexclave.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkiverse.hexclave.emulator.junit.WithHexclaveEmulator;

/** OAuth accounts linked to users ({@code /oauth-providers}) and connected accounts. */
@WithHexclaveEmulator
class OAuthProvidersApiTest {

    private final HexclaveEmulator emu;
    private final EmulatorHttp http;
    private final EmulatedUser ada;

    OAuthProvidersApiTest(HexclaveEmulator emu) {
        this.emu = emu;
        this.http = new EmulatorHttp(emu);
        ada = emu.createUser(NewUser.withEmail("ada-" + UUID.randomUUID() + "@example.com").build());
    }

    private JsonNode ok(EmulatorHttp.Reply reply, int status) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        return reply.json();
    }

    private EmulatorHttp.Reply link(EmulatedUser user, String provider, String accountId, boolean signIn) {
        return http.server().post("/oauth-providers", "{\"user_id\":\"" + user.id() + "\",\"provider_config_id\":\"" + provider
                + "\",\"account_id\":\"" + accountId + "\",\"email\":\"gh@example.com\",\"allow_sign_in\":" + signIn
                + ",\"allow_connected_accounts\":true}");
    }

    @Test
    void linkReadUpdateAndUnlink() {
        String accountId = UUID.randomUUID().toString();
        JsonNode linked = ok(link(ada, "github", accountId, true), 201);
        String id = linked.get("id").asText();
        assertThat(linked.get("type").asText()).isEqualTo("github");
        assertThat(linked.get("provider_config_id").asText()).isEqualTo("github");
        assertThat(linked.get("account_id").asText()).isEqualTo(accountId);
        assertThat(linked.get("email").asText()).isEqualTo("gh@example.com");
        assertThat(ok(http.server().get("/oauth-providers/" + ada.id() + "/" + id), 200)).isEqualTo(linked);
        assertThat(EmulatorHttp.texts(ok(http.server().get("/oauth-providers?user_id=" + ada.id()), 200).get("items"), "id"))
                .containsExactly(id);
        JsonNode user = ok(http.server().get("/users/" + ada.id()), 200);
        assertThat(user.get("oauth_providers").get(0).get("account_id").asText()).isEqualTo(accountId);
        JsonNode updated = ok(http.server().patch("/oauth-providers/" + ada.id() + "/" + id,
                "{\"allow_connected_accounts\":false,\"email\":\"new@example.com\"}"), 200);
        assertThat(updated.get("allow_connected_accounts").asBoolean()).isFalse();
        assertThat(updated.get("email").asText()).isEqualTo("new@example.com");
        assertThat(ok(http.server().get("/connected-accounts/" + ada.id()), 200).get("items")).isEmpty();
        assertThat(ok(http.server().delete("/oauth-providers/" + ada.id() + "/" + id), 200).get("success").asBoolean()).isTrue();
        assertThat(http.server().get("/oauth-providers/" + ada.id() + "/" + id).status()).isEqualTo(404);
    }

    @Test
    void connectedAccountsListTheAccountsThatAllowIt() {
        String accountId = UUID.randomUUID().toString();
        ok(link(ada, "google", accountId, false), 201);
        JsonNode items = ok(http.server().get("/connected-accounts/" + ada.id()), 200).get("items");
        assertThat(items).hasSize(1);
        assertThat(items.get(0).get("provider").asText()).isEqualTo("google");
        assertThat(items.get(0).get("provider_account_id").asText()).isEqualTo(accountId);
        assertThat(items.get(0).get("user_id").asText()).isEqualTo(ada.id());
        assertThat(http.server().get("/connected-accounts/" + UUID.randomUUID()).code()).isEqualTo("USER_NOT_FOUND");
    }

    @Test
    void linkingRules() {
        String accountId = UUID.randomUUID().toString();
        ok(link(ada, "discord", accountId, true), 201);
        assertThat(link(ada, "discord", UUID.randomUUID().toString(), true).status())
                .as("one sign-in account per provider and user").isEqualTo(400);
        assertThat(link(ada, "discord", accountId, false).status()).as("one link per provider account and user").isEqualTo(400);
        EmulatedUser bob = emu.createUser(NewUser.builder().build());
        assertThat(link(bob, "discord", accountId, true).code()).isEqualTo("OAUTH_PROVIDER_ACCOUNT_ID_ALREADY_USED_FOR_SIGN_IN");
        assertThat(link(bob, "discord", accountId, false).status()).isEqualTo(201);
        assertThat(link(bob, "myspace", "1", false).status()).isEqualTo(404);
        assertThat(link(emu.createUser(NewUser.builder().build()), "github", "1", false).status()).isEqualTo(201);
        assertThat(http.server().post("/oauth-providers", "{\"user_id\":\"" + UUID.randomUUID() + "\",\"provider_config_id\":"
                + "\"github\",\"account_id\":\"1\",\"allow_sign_in\":false,\"allow_connected_accounts\":false}").code())
                .isEqualTo("USER_NOT_FOUND");
        assertThat(http.server().get("/oauth-providers/" + ada.id() + "/" + UUID.randomUUID()).status()).isEqualTo(404);
    }

    @Test
    void clientsSeeTheirOwnAccountsWithoutTheAccountId() {
        String id = ok(link(ada, "gitlab", UUID.randomUUID().toString(), false), 201).get("id").asText();
        String jwt = emu.mintAccessToken(ada);
        JsonNode own = ok(http.client().accessToken(jwt).get("/oauth-providers?user_id=me"), 200).get("items").get(0);
        assertThat(own.has("account_id")).isFalse();
        assertThat(ok(http.client().accessToken(jwt).patch("/oauth-providers/me/" + id, "{\"allow_sign_in\":true}"), 200)
                .get("allow_sign_in").asBoolean()).isTrue();
        assertThat(http.client().accessToken(jwt).patch("/oauth-providers/me/" + id, "{\"account_id\":\"x\"}").code())
                .isEqualTo("SCHEMA_ERROR");
        assertThat(ok(http.client().accessToken(jwt).get("/connected-accounts/me"), 200).get("items")).hasSize(1);
        String other = emu.mintAccessToken(emu.createUser(NewUser.builder().build()));
        assertThat(http.client().accessToken(other).get("/oauth-providers?user_id=" + ada.id()).status()).isEqualTo(403);
        assertThat(http.client().accessToken(other).get("/connected-accounts/" + ada.id()).status()).isEqualTo(403);
        assertThat(http.client().accessToken(other).delete("/oauth-providers/" + ada.id() + "/" + id).status()).isEqualTo(403);
        assertThat(http.client().accessToken(jwt).post("/oauth-providers", "{}").code()).isEqualTo("INSUFFICIENT_ACCESS_TYPE");
    }
}
