package io.quarkiverse.hexclave.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkiverse.hexclave.emulator.junit.WithHexclaveEmulator;

/** Contact channels and e-mail verification, the code read through the Java API instead of an inbox. */
@WithHexclaveEmulator
class ContactChannelsApiTest {

    private static final String CALLBACK = "https://app.example.com/handler/email-verification";

    private final HexclaveEmulator emu;
    private final EmulatorHttp http;
    private final EmulatedUser ada;
    private final String adaEmail;

    ContactChannelsApiTest(HexclaveEmulator emu) {
        this.emu = emu;
        this.http = new EmulatorHttp(emu);
        adaEmail = "ada-" + UUID.randomUUID() + "@example.com";
        ada = emu.createUser(NewUser.withEmail(adaEmail).primaryEmailAuthEnabled(true).build());
    }

    private JsonNode ok(EmulatorHttp.Reply reply, int status) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        return reply.json();
    }

    private JsonNode create(String email, boolean usedForAuth) {
        return ok(http.server().post("/contact-channels", "{\"user_id\":\"" + ada.id() + "\",\"type\":\"email\",\"value\":\""
                + email + "\",\"used_for_auth\":" + usedForAuth + "}"), 201);
    }

    @Test
    void thePrimaryEmailIsAContactChannel() {
        JsonNode items = ok(http.server().get("/contact-channels?user_id=" + ada.id()), 200).get("items");
        assertThat(items).hasSize(1);
        JsonNode primary = items.get(0);
        assertThat(primary.get("value").asText()).isEqualTo(adaEmail);
        assertThat(primary.get("type").asText()).isEqualTo("email");
        assertThat(primary.get("is_primary").asBoolean()).isTrue();
        assertThat(primary.get("is_verified").asBoolean()).isTrue();
        assertThat(primary.get("used_for_auth").asBoolean()).isTrue();
        assertThat(ok(http.server().get("/contact-channels/" + ada.id() + "/" + primary.get("id").asText()), 200))
                .isEqualTo(primary);
    }

    @Test
    void createUpdateAndDelete() {
        JsonNode work = create("Work-" + UUID.randomUUID() + "@Example.com", false);
        String id = work.get("id").asText();
        assertThat(work.get("value").asText()).as("normalised").isEqualTo(work.get("value").asText().toLowerCase());
        assertThat(work.get("is_verified").asBoolean()).isFalse();
        assertThat(work.get("is_primary").asBoolean()).isFalse();
        JsonNode promoted = ok(http.server().patch("/contact-channels/" + ada.id() + "/" + id,
                "{\"is_primary\":true,\"is_verified\":true}"), 200);
        assertThat(promoted.get("is_primary").asBoolean()).isTrue();
        JsonNode user = ok(http.server().get("/users/" + ada.id()), 200);
        assertThat(user.get("primary_email").asText()).isEqualTo(work.get("value").asText());
        assertThat(user.get("primary_email_verified").asBoolean()).isTrue();
        String renamed = "renamed-" + UUID.randomUUID() + "@example.com";
        JsonNode changed = ok(http.server().patch("/contact-channels/" + ada.id() + "/" + id, "{\"value\":\"" + renamed + "\"}"), 200);
        assertThat(changed.get("is_verified").asBoolean()).as("a new address is unverified").isFalse();
        assertThat(ok(http.server().get("/users/" + ada.id()), 200).get("primary_email").asText()).isEqualTo(renamed);
        assertThat(ok(http.server().delete("/contact-channels/" + ada.id() + "/" + id), 200).get("success").asBoolean()).isTrue();
        assertThat(ok(http.server().get("/users/" + ada.id()), 200).get("primary_email").isNull()).isTrue();
        assertThat(http.server().get("/contact-channels/" + ada.id() + "/" + id).status()).isEqualTo(404);
        assertThat(http.server().delete("/contact-channels/" + ada.id() + "/" + id).status()).isEqualTo(400);
    }

    @Test
    void changingThePrimaryEmailOfTheUserKeepsTheOldOneAsAChannel() {
        String next = "next-" + UUID.randomUUID() + "@example.com";
        ok(http.server().patch("/users/" + ada.id(), "{\"primary_email\":\"" + next + "\"}"), 200);
        JsonNode items = ok(http.server().get("/contact-channels?user_id=" + ada.id()), 200).get("items");
        assertThat(EmulatorHttp.texts(items, "value")).containsExactly(adaEmail, next);
        assertThat(items.get(0).get("is_primary").asBoolean()).isFalse();
        assertThat(items.get(1).get("is_primary").asBoolean()).isTrue();
        assertThat(items.get(1).get("used_for_auth").asBoolean()).as("auth stays on the primary address").isTrue();
    }

    @Test
    void createErrors() {
        String value = "dup-" + UUID.randomUUID() + "@example.com";
        create(value, true);
        assertThat(http.server().post("/contact-channels", "{\"user_id\":\"" + ada.id() + "\",\"type\":\"email\",\"value\":\""
                + value + "\",\"used_for_auth\":false}").status()).isEqualTo(400);
        EmulatedUser bob = emu.createUser(NewUser.builder().build());
        assertThat(http.server().post("/contact-channels", "{\"user_id\":\"" + bob.id() + "\",\"type\":\"email\",\"value\":\""
                + value + "\",\"used_for_auth\":true}").code()).isEqualTo("CONTACT_CHANNEL_ALREADY_USED_FOR_AUTH_BY_SOMEONE_ELSE");
        assertThat(http.server().post("/contact-channels", "{\"user_id\":\"" + bob.id() + "\",\"type\":\"email\",\"value\":\""
                + value + "\",\"used_for_auth\":false}").status()).as("someone else may hold it without auth").isEqualTo(201);
        assertThat(http.server().post("/contact-channels", "{\"user_id\":\"" + bob.id() + "\",\"type\":\"phone\",\"value\":\"1\","
                + "\"used_for_auth\":false}").code()).isEqualTo("SCHEMA_ERROR");
        assertThat(http.server().post("/contact-channels", "{\"user_id\":\"" + bob.id() + "\",\"type\":\"email\",\"value\":\"nope\","
                + "\"used_for_auth\":false}").code()).isEqualTo("SCHEMA_ERROR");
        assertThat(http.server().post("/contact-channels", "{\"user_id\":\"" + UUID.randomUUID() + "\",\"type\":\"email\","
                + "\"value\":\"x@example.com\",\"used_for_auth\":false}").code()).isEqualTo("USER_NOT_FOUND");
    }

    @Test
    void verificationCodeFromTheJavaApiVerifiesTheChannel() {
        String email = "verify-" + UUID.randomUUID() + "@example.com";
        String id = create(email, false).get("id").asText();
        String sendPath = "/contact-channels/" + ada.id() + "/" + id + "/send-verification-code";
        assertThat(ok(http.server().post(sendPath, "{\"callback_url\":\"" + CALLBACK + "\"}"), 200).get("success").asBoolean())
                .isTrue();
        VerificationCode code = emu.pendingCode(VerificationCode.Purpose.CONTACT_CHANNEL_VERIFICATION, email).orElseThrow();
        assertThat(code.code()).hasSize(45);
        assertThat(code.link()).isEqualTo(CALLBACK + "?code=" + code.code());
        assertThat(code.toString()).doesNotContain(code.code());
        String body = "{\"code\":\"" + code.code() + "\"}";
        assertThat(ok(http.client().post("/contact-channels/verify/check-code", body), 200).get("is_code_valid").asBoolean())
                .isTrue();
        assertThat(ok(http.client().post("/contact-channels/verify", body), 200).get("success").asBoolean()).isTrue();
        assertThat(ok(http.server().get("/contact-channels/" + ada.id() + "/" + id), 200).get("is_verified").asBoolean()).isTrue();
        assertThat(http.client().post("/contact-channels/verify", body).code()).isEqualTo("VERIFICATION_CODE_ALREADY_USED");
        assertThat(emu.pendingCode(VerificationCode.Purpose.CONTACT_CHANNEL_VERIFICATION, email)).isEmpty();
        assertThat(http.server().post(sendPath, "{\"callback_url\":\"" + CALLBACK + "\"}").code()).isEqualTo("EMAIL_ALREADY_VERIFIED");
    }

    @Test
    void verificationErrors() {
        String id = create("err-" + UUID.randomUUID() + "@example.com", false).get("id").asText();
        String unknown = "a".repeat(45);
        assertThat(http.client().post("/contact-channels/verify", "{\"code\":\"" + unknown + "\"}").code())
                .isEqualTo("VERIFICATION_CODE_NOT_FOUND");
        assertThat(http.client().post("/contact-channels/verify", "{\"code\":\"short\"}").code()).isEqualTo("SCHEMA_ERROR");
        assertThat(http.server().post("/contact-channels/" + UUID.randomUUID() + "/" + id + "/send-verification-code",
                "{\"callback_url\":\"" + CALLBACK + "\"}").code()).isEqualTo("USER_ID_DOES_NOT_EXIST");
        assertThat(http.server().post("/contact-channels/" + ada.id() + "/" + UUID.randomUUID() + "/send-verification-code",
                "{\"callback_url\":\"" + CALLBACK + "\"}").status()).isEqualTo(404);
        assertThat(http.server().post("/contact-channels/" + ada.id() + "/" + id + "/send-verification-code",
                "{\"callback_url\":\"not a url\"}").code()).isEqualTo("SCHEMA_ERROR");
    }

    @Test
    void clientsOnlyTouchTheirOwnChannels() {
        String jwt = emu.mintAccessToken(ada);
        JsonNode own = ok(http.client().accessToken(jwt).get("/contact-channels?user_id=me"), 200);
        assertThat(own.get("items")).isNotEmpty();
        String id = own.get("items").get(0).get("id").asText();
        EmulatedUser bob = emu.createUser(NewUser.builder().build());
        String bobJwt = emu.mintAccessToken(bob);
        assertThat(http.client().accessToken(bobJwt).get("/contact-channels?user_id=" + ada.id()).status()).isEqualTo(403);
        assertThat(http.client().accessToken(bobJwt).get("/contact-channels/" + ada.id() + "/" + id).status()).isEqualTo(403);
        assertThat(http.client().accessToken(jwt).patch("/contact-channels/me/" + id, "{\"is_verified\":false}").code())
                .as("verification is not the client's to set").isEqualTo("SCHEMA_ERROR");
        String extra = "client-" + UUID.randomUUID() + "@example.com";
        JsonNode created = ok(http.client().accessToken(jwt).post("/contact-channels",
                "{\"user_id\":\"me\",\"type\":\"email\",\"value\":\"" + extra + "\",\"used_for_auth\":false}"), 201);
        assertThat(http.client().accessToken(bobJwt).post("/contact-channels/" + ada.id() + "/" + created.get("id").asText()
                + "/send-verification-code", "{\"callback_url\":\"" + CALLBACK + "\"}").status()).isEqualTo(400);
        assertThat(ok(http.client().accessToken(jwt).post("/contact-channels/me/" + created.get("id").asText()
                + "/send-verification-code", "{\"callback_url\":\"" + CALLBACK + "\"}"), 200).get("success").asBoolean()).isTrue();
        assertThat(ok(http.client().accessToken(jwt).delete("/contact-channels/me/" + created.get("id").asText()), 200)
                .get("success").asBoolean()).isTrue();
    }

    @Test
    void codesStopWorkingAfterTwentyAttemptsOrSevenDays() {
        MovableClock clock = new MovableClock();
        try (HexclaveEmulator own = HexclaveEmulator.builder().clock(clock).build().start()) {
            EmulatorHttp h = new EmulatorHttp(own);
            EmulatedUser u = own.createUser(NewUser.builder().build());
            String first = "first@example.com";
            String second = "second@example.com";
            for (String email : new String[] { first, second }) {
                String id = ok(h.server().post("/contact-channels", "{\"user_id\":\"" + u.id() + "\",\"type\":\"email\","
                        + "\"value\":\"" + email + "\",\"used_for_auth\":false}"), 201).get("id").asText();
                ok(h.server().post("/contact-channels/" + u.id() + "/" + id + "/send-verification-code",
                        "{\"callback_url\":\"" + CALLBACK + "\"}"), 200);
            }
            String tried = "{\"code\":\"" + own.pendingCode(VerificationCode.Purpose.CONTACT_CHANNEL_VERIFICATION, first)
                    .orElseThrow().code() + "\"}";
            for (int i = 0; i < 20; i++) {
                ok(h.client().post("/contact-channels/verify/check-code", tried), 200);
            }
            assertThat(h.client().post("/contact-channels/verify/check-code", tried).code())
                    .isEqualTo("VERIFICATION_CODE_MAX_ATTEMPTS_REACHED");
            String waited = "{\"code\":\"" + own.pendingCode(VerificationCode.Purpose.CONTACT_CHANNEL_VERIFICATION, second)
                    .orElseThrow().code() + "\"}";
            clock.advance(java.time.Duration.ofDays(7).plusSeconds(1));
            assertThat(h.client().post("/contact-channels/verify", waited).code()).isEqualTo("VERIFICATION_CODE_EXPIRED");
            assertThat(own.pendingCodes()).isEmpty();
        }
    }
}
