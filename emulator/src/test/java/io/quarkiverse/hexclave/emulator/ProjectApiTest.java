package io.quarkiverse.hexclave.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkiverse.hexclave.emulator.junit.WithHexclaveEmulator;

/**
 * The small project-level operations: the current project, anonymous sign-up, notification preferences, the data
 * vault, and the 501 answer of what the emulator does not serve.
 */
@WithHexclaveEmulator
class ProjectApiTest {

    private static final String MARKETING = "4f6f8873-3d04-46bd-8bef-18338b1a1b4c";
    private static final String TRANSACTIONAL = "7bb82d33-2f54-4a3d-9d23-82739e0d66ef";

    private final HexclaveEmulator emu;
    private final EmulatorHttp http;

    ProjectApiTest(HexclaveEmulator emu) {
        this.emu = emu;
        this.http = new EmulatorHttp(emu);
    }

    private JsonNode ok(EmulatorHttp.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    @Test
    void currentProject() {
        for (EmulatorHttp.Call call : new EmulatorHttp.Call[] { http.server(), http.client() }) {
            JsonNode p = ok(call.get("/projects/current"));
            assertThat(p.get("id").asText()).isEqualTo(emu.projectId());
            assertThat(p.get("is_development_environment").asBoolean()).isTrue();
            assertThat(p.get("config_warnings")).isEmpty();
        }
        assertThat(http.anonymous().get("/projects/current").code()).isEqualTo("ACCESS_TYPE_REQUIRED");
    }

    @Test
    void anonymousSignUpGivesAnAnonymousUserAndTokens() {
        JsonNode signedUp = ok(http.client().post("/auth/anonymous/sign-up", null));
        String userId = signedUp.get("user_id").asText();
        assertThat(emu.user(userId)).map(EmulatedUser::userClass).contains(UserClass.ANONYMOUS);
        assertThat(ok(http.client().header("x-hexclave-allow-anonymous-user", "true")
                .accessToken(signedUp.get("access_token").asText()).get("/users/me")).get("is_anonymous").asBoolean()).isTrue();
        assertThat(ok(http.client().header("x-hexclave-refresh-token", signedUp.get("refresh_token").asText())
                .post("/auth/sessions/current/refresh", null)).get("access_token").asText()).startsWith("ey");
    }

    @Test
    void notificationPreferences() {
        EmulatedUser ada = emu.createUser(NewUser.withEmail("ada-" + UUID.randomUUID() + "@example.com").build());
        JsonNode items = ok(http.server().get("/emails/notification-preference/" + ada.id())).get("items");
        assertThat(EmulatorHttp.texts(items, "notification_category_name")).containsExactly("Transactional", "Marketing");
        assertThat(EmulatorHttp.texts(items, "enabled")).containsExactly("true", "true");
        assertThat(items.get(0).get("can_disable").asBoolean()).isFalse();
        JsonNode off = ok(http.server().patch("/emails/notification-preference/" + ada.id() + "/" + MARKETING, "{\"enabled\":false}"));
        assertThat(off.get("enabled").asBoolean()).isFalse();
        assertThat(off.get("can_disable").asBoolean()).isTrue();
        String jwt = emu.mintAccessToken(ada);
        assertThat(ok(http.client().accessToken(jwt).get("/emails/notification-preference/me")).get("items").get(1)
                .get("enabled").asBoolean()).isFalse();
        assertThat(ok(http.client().accessToken(jwt).patch("/emails/notification-preference/me/" + TRANSACTIONAL,
                "{\"enabled\":true}")).get("notification_category_name").asText()).isEqualTo("Transactional");
        assertThat(http.server().patch("/emails/notification-preference/" + ada.id() + "/" + UUID.randomUUID(),
                "{\"enabled\":true}").status()).isEqualTo(404);
        assertThat(http.server().get("/emails/notification-preference/" + UUID.randomUUID()).code()).isEqualTo("USER_NOT_FOUND");
        String other = emu.mintAccessToken(emu.createUser(NewUser.builder().build()));
        assertThat(http.client().accessToken(other).get("/emails/notification-preference/" + ada.id()).status()).isEqualTo(403);
    }

    @Test
    void dataVaultStoresAndReturnsTheEncryptedValue() {
        String store = "secrets-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(ok(http.server().post("/data-vault/stores/" + store + "/set",
                "{\"hashed_key\":\"h1\",\"encrypted_value\":\"c1\"}")).get("success").asBoolean()).isTrue();
        assertThat(ok(http.server().post("/data-vault/stores/" + store + "/get", "{\"hashed_key\":\"h1\"}"))
                .get("encrypted_value").asText()).isEqualTo("c1");
        EmulatorHttp.Reply missing = http.server().post("/data-vault/stores/" + store + "/get", "{\"hashed_key\":\"h2\"}");
        assertThat(missing.code()).isEqualTo("DATA_VAULT_STORE_HASHED_KEY_DOES_NOT_EXIST");
        assertThat(missing.json().get("details").get("store_id").asText()).isEqualTo(store);
        assertThat(http.server().post("/data-vault/stores/" + store + "/get", "{\"hashed_key\":\"\"}").code()).isEqualTo("SCHEMA_ERROR");
        assertThat(http.client().post("/data-vault/stores/" + store + "/get", "{\"hashed_key\":\"h1\"}").code())
                .isEqualTo("INSUFFICIENT_ACCESS_TYPE");
    }

    @Test
    void excludedOperationsAnswer501WithTheirReason() {
        EmulatorHttp.Reply payments = http.server().post("/payments/purchases/validate-code", "{}");
        assertThat(payments.status()).isEqualTo(501);
        assertThat(payments.header("content-type")).startsWith("text/plain");
        assertThat(payments.body()).contains("POST /payments/purchases/validate-code").contains("Stripe");
        assertThat(http.server().get("/session-replays/" + UUID.randomUUID() + "/events").status()).isEqualTo(501);
        EmulatorHttp.Reply mfa = http.client().post("/auth/mfa/sign-in", "{}");
        assertThat(mfa.status()).isEqualTo(501);
        assertThat(mfa.body()).contains("POST /auth/mfa/sign-in").contains("TOTP");
    }
}
