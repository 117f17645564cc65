package io.quarkiverse.hexclave.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The frontend flows with client access (publishable key), as the JS SDK calls them; every request and response is
 * checked against the client OpenAPI document by {@link EmulatorHttp}.
 */
class FrontendFlowsTest {

    private static final String CALLBACK = "http://localhost:5173/handler/magic-link-callback";

    private MovableClock clock;
    private HexclaveEmulator emu;
    private EmulatorHttp http;

    @BeforeEach
    void start() {
        clock = new MovableClock();
        emu = HexclaveEmulator.builder().clock(clock).build().start();
        http = new EmulatorHttp(emu);
    }

    @AfterEach
    void stop() {
        emu.close();
    }

    private static String email() {
        return "fe-" + UUID.randomUUID() + "@example.com";
    }

    private JsonNode signUp(String email, String password) {
        EmulatorHttp.Reply reply = http.client().post("/auth/password/sign-up",
                "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}");
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    private String refreshForm(String refreshToken) {
        return "grant_type=refresh_token&refresh_token=" + URLEncoder.encode(refreshToken, StandardCharsets.UTF_8)
                + "&client_id=" + emu.projectId() + "&client_secret="
                + URLEncoder.encode(emu.publishableClientKey(), StandardCharsets.UTF_8);
    }

    @Test
    void passwordSignUpSignInMeUpdateRefreshAndSignOut() {
        String email = email();
        JsonNode up = signUp(email, "correct horse");
        String userId = up.get("user_id").asText();
        assertThat(emu.user(userId).orElseThrow().primaryEmail()).isEqualTo(email);
        assertThat(http.server().get("/users/" + userId).json().get("has_password").asBoolean()).isTrue();

        JsonNode in = http.client().post("/auth/password/sign-in",
                "{\"email\":\"" + email.toUpperCase() + "\",\"password\":\"correct horse\"}").json();
        assertThat(in.get("user_id").asText()).isEqualTo(userId);
        assertThat(in.get("refresh_token").asText()).isNotEqualTo(up.get("refresh_token").asText()); // a new session
        String jwt = in.get("access_token").asText();

        JsonNode me = http.client().accessToken(jwt).get("/users/me").json();
        assertThat(me.get("id").asText()).isEqualTo(userId);
        assertThat(me.get("primary_email").asText()).isEqualTo(email);
        assertThat(me.get("has_password").asBoolean()).isTrue();
        JsonNode updated = http.client().accessToken(jwt).patch("/users/me",
                "{\"display_name\":\"Ada\",\"client_metadata\":{\"theme\":\"dark\"}}").json();
        assertThat(updated.get("display_name").asText()).isEqualTo("Ada");
        assertThat(emu.user(userId).orElseThrow().displayName()).isEqualTo("Ada");

        // refresh as the JS SDK does: the OAuth token endpoint, form-encoded, without any x-* header
        clock.advance(Duration.ofMinutes(11));
        EmulatorHttp.Reply expired = http.client().accessToken(jwt).get("/users/me");
        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.code()).isEqualTo("ACCESS_TOKEN_EXPIRED");
        EmulatorHttp.Reply refreshed = http.anonymous().documentedAs("client").postForm("/auth/oauth/token",
                refreshForm(in.get("refresh_token").asText()));
        assertThat(refreshed.status()).as(refreshed.body()).isEqualTo(200);
        assertThat(refreshed.json().get("token_type").asText()).isEqualTo("Bearer");
        assertThat(refreshed.json().get("expires_in").asLong()).isEqualTo(600);
        assertThat(refreshed.json().get("refresh_token").asText()).isEqualTo(in.get("refresh_token").asText());
        String fresh = refreshed.json().get("access_token").asText();
        JsonNode meAgain = http.client().accessToken(fresh).get("/users/me").json();
        assertThat(meAgain.get("display_name").asText()).isEqualTo("Ada");

        assertThat(http.client().accessToken(fresh).delete("/auth/sessions/current").status()).isEqualTo(200);
        EmulatorHttp.Reply afterSignOut = http.anonymous().documentedAs("client").postForm("/auth/oauth/token",
                refreshForm(in.get("refresh_token").asText()));
        assertThat(afterSignOut.status()).isEqualTo(401);
        assertThat(afterSignOut.code()).isEqualTo("REFRESH_TOKEN_NOT_FOUND_OR_EXPIRED");
        // the sign-up session is another one: still alive
        assertThat(http.client().header("x-hexclave-refresh-token", up.get("refresh_token").asText())
                .post("/auth/sessions/current/refresh", null).status()).isEqualTo(200);
    }

    @Test
    void passwordErrorsAreHexclavesKnownErrors() {
        String email = email();
        signUp(email, "correct horse");
        EmulatorHttp.Reply again = http.client().post("/auth/password/sign-up",
                "{\"email\":\"" + email + "\",\"password\":\"another one\"}");
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("USER_EMAIL_ALREADY_EXISTS");
        EmulatorHttp.Reply wrong = http.client().post("/auth/password/sign-in",
                "{\"email\":\"" + email + "\",\"password\":\"wrong horse\"}");
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.code()).isEqualTo("EMAIL_PASSWORD_MISMATCH");
        EmulatorHttp.Reply unknown = http.client().post("/auth/password/sign-in",
                "{\"email\":\"" + email() + "\",\"password\":\"correct horse\"}");
        assertThat(unknown.code()).isEqualTo("EMAIL_PASSWORD_MISMATCH"); // no hint whether the address exists
        EmulatorHttp.Reply tooShort = http.client().post("/auth/password/sign-up",
                "{\"email\":\"" + email() + "\",\"password\":\"short\"}");
        assertThat(tooShort.code()).isEqualTo("PASSWORD_TOO_SHORT");
        EmulatorHttp.Reply badEmail = http.client().post("/auth/password/sign-up",
                "{\"email\":\"not-an-email\",\"password\":\"correct horse\"}");
        assertThat(badEmail.code()).isEqualTo("SCHEMA_ERROR");
        EmulatorHttp.Reply noKey = http.client().without("x-hexclave-publishable-client-key")
                .post("/auth/password/sign-in", "{\"email\":\"" + email + "\",\"password\":\"correct horse\"}");
        assertThat(noKey.code()).isEqualTo("PUBLISHABLE_CLIENT_KEY_REQUIRED_FOR_PROJECT");
    }

    @Test
    void usersCreatedThroughTheJavaApiOrServerApiSignInWithTheirPassword() {
        String javaEmail = email();
        EmulatedUser ada = emu.createUser(NewUser.withEmail(javaEmail).primaryEmailAuthEnabled(true)
                .password("java password").build());
        assertThat(ada.toString()).doesNotContain("java password");
        assertThat(http.client().post("/auth/password/sign-in",
                "{\"email\":\"" + javaEmail + "\",\"password\":\"java password\"}").json().get("user_id").asText())
                .isEqualTo(ada.id());

        String serverEmail = email();
        http.server().post("/users", "{\"primary_email\":\"" + serverEmail
                + "\",\"primary_email_auth_enabled\":true,\"password\":\"server password\"}");
        assertThat(http.client().post("/auth/password/sign-in",
                "{\"email\":\"" + serverEmail + "\",\"password\":\"server password\"}").status()).isEqualTo(200);
    }

    @Test
    void signUpWithAVerificationCallbackLeavesTheCodeForTheJavaApi() {
        String email = email();
        http.client().post("/auth/password/sign-up", "{\"email\":\"" + email + "\",\"password\":\"correct horse\","
                + "\"verification_callback_url\":\"http://localhost:5173/handler/email-verification\"}");
        VerificationCode code = emu.pendingCode(VerificationCode.Purpose.CONTACT_CHANNEL_VERIFICATION, email).orElseThrow();
        assertThat(code.link()).startsWith("http://localhost:5173/handler/email-verification?code=");
        assertThat(http.client().post("/contact-channels/verify", "{\"code\":\"" + code.code() + "\"}").status())
                .isEqualTo(200);
        assertThat(emu.users().stream().filter(u -> email.equals(u.primaryEmail())).findFirst().orElseThrow()
                .primaryEmailVerified()).isTrue();
    }

    @Test
    void emailCodeSignInCreatesTheUserThenSignsThemIn() {
        String email = email();
        JsonNode sent = http.client().post("/auth/otp/send-sign-in-code",
                "{\"email\":\"" + email + "\",\"callback_url\":\"" + CALLBACK + "\"}").json();
        String nonce = sent.get("nonce").asText();
        VerificationCode code = emu.pendingCode(VerificationCode.Purpose.SIGN_IN, email).orElseThrow();
        assertThat(code.otp()).hasSize(6);
        assertThat(code.link()).startsWith(CALLBACK + "?code=");
        assertThat(nonce).hasSize(39);

        // the OTP the user types, followed by the nonce, is the 45-character code
        String typed = "{\"code\":\"" + code.otp() + nonce + "\"}";
        assertThat(http.client().post("/auth/otp/sign-in/check-code", typed).json().get("is_code_valid").asBoolean())
                .isTrue();
        JsonNode in = http.client().post("/auth/otp/sign-in", typed).json();
        assertThat(in.get("is_new_user").asBoolean()).isTrue();
        JsonNode me = http.client().accessToken(in.get("access_token").asText()).get("/users/me").json();
        assertThat(me.get("primary_email").asText()).isEqualTo(email);
        assertThat(me.get("primary_email_verified").asBoolean()).isTrue();
        assertThat(emu.pendingCode(VerificationCode.Purpose.SIGN_IN, email)).isEmpty();
        EmulatorHttp.Reply reused = http.client().post("/auth/otp/sign-in", typed);
        assertThat(reused.code()).isEqualTo("VERIFICATION_CODE_ALREADY_USED");

        // the magic link's code signs the same user in again
        http.client().post("/auth/otp/send-sign-in-code", "{\"email\":\"" + email + "\",\"callback_url\":\"" + CALLBACK + "\"}");
        String link = emu.pendingCode(VerificationCode.Purpose.SIGN_IN, email).orElseThrow().link();
        JsonNode again = http.client().post("/auth/otp/sign-in",
                "{\"code\":\"" + link.substring(link.indexOf("code=") + 5) + "\"}").json();
        assertThat(again.get("is_new_user").asBoolean()).isFalse();
        assertThat(again.get("user_id").asText()).isEqualTo(in.get("user_id").asText());
    }

    @Test
    void signUpCanBeTurnedOff() {
        try (HexclaveEmulator closed = HexclaveEmulator.builder().signUpEnabled(false).build().start()) {
            EmulatorHttp h = new EmulatorHttp(closed);
            assertThat(h.client().post("/auth/password/sign-up", "{\"email\":\"" + email() + "\",\"password\":\"correct horse\"}")
                    .code()).isEqualTo("SIGN_UP_NOT_ENABLED");
            assertThat(h.client().post("/auth/otp/send-sign-in-code", "{\"email\":\"" + email() + "\",\"callback_url\":\""
                    + CALLBACK + "\"}").code()).isEqualTo("SIGN_UP_NOT_ENABLED");
            assertThat(h.client().get("/projects/current").json().path("config").path("sign_up_enabled").asBoolean(true))
                    .isFalse();
        }
    }

    @Test
    void anonymousUserIsUpgradedBySignUp() {
        JsonNode anon = http.client().post("/auth/anonymous/sign-up", null).json();
        String email = email();
        EmulatorHttp.Reply up = http.client().accessToken(anon.get("access_token").asText())
                .header("x-hexclave-allow-anonymous-user", "true").post("/auth/password/sign-up",
                        "{\"email\":\"" + email + "\",\"password\":\"correct horse\"}");
        assertThat(up.json().get("user_id").asText()).isEqualTo(anon.get("user_id").asText());
        assertThat(emu.user(anon.get("user_id").asText()).orElseThrow().anonymous()).isFalse();
    }

    @Test
    void tokenEndpointRefusesWrongClientsAndGrants() {
        String refresh = signUp(email(), "correct horse").get("refresh_token").asText();
        EmulatorHttp.Reply wrongKey = http.anonymous().documentedAs("client").postForm("/auth/oauth/token",
                "grant_type=refresh_token&refresh_token=" + refresh + "&client_id=" + emu.projectId()
                        + "&client_secret=pck_wrong");
        assertThat(wrongKey.code()).isEqualTo("INVALID_OAUTH_CLIENT_ID_OR_SECRET");
        EmulatorHttp.Reply wrongProject = http.anonymous().documentedAs("client").postForm("/auth/oauth/token",
                refreshForm(refresh).replace(emu.projectId(), UUID.randomUUID().toString()));
        assertThat(wrongProject.code()).isEqualTo("INVALID_OAUTH_CLIENT_ID_OR_SECRET");
        EmulatorHttp.Reply unknown = http.anonymous().documentedAs("client").postForm("/auth/oauth/token",
                refreshForm("no-such-refresh-token"));
        assertThat(unknown.code()).isEqualTo("REFRESH_TOKEN_NOT_FOUND_OR_EXPIRED");
        EmulatorHttp.Reply code = http.anonymous().documentedAs("client").postForm("/auth/oauth/token",
                "grant_type=authorization_code&code=x&client_id=" + emu.projectId());
        assertThat(code.status()).isEqualTo(501);
        EmulatorHttp.Reply json = http.anonymous().documentedAs("client").post("/auth/oauth/token",
                "{\"grant_type\":\"refresh_token\",\"refresh_token\":\"" + refresh + "\",\"client_id\":\"" + emu.projectId()
                        + "\",\"client_secret\":\"" + emu.publishableClientKey() + "\"}");
        assertThat(json.status()).as(json.body()).isEqualTo(200);
    }

    @Test
    void projectsCurrentCarriesTheConfigTheSdkReads() {
        JsonNode project = http.client().get("/projects/current").json();
        assertThat(project.get("id").asText()).isEqualTo(emu.projectId());
        JsonNode config = project.get("config");
        assertThat(config.get("credential_enabled").asBoolean()).isTrue();
        assertThat(config.get("magic_link_enabled").asBoolean()).isTrue();
        assertThat(config.get("passkey_enabled").asBoolean()).isFalse();
        assertThat(config.get("client_team_creation_enabled").asBoolean()).isFalse(); // as TeamRoutes answers
        assertThat(config.get("enabled_oauth_providers")).isEmpty();
    }

    @Test
    void passwordChangeKeepsTheCurrentSessionAndSignsOutTheOthers() {
        String email = email();
        JsonNode first = signUp(email, "correct horse");
        JsonNode second = http.client().post("/auth/password/sign-in",
                "{\"email\":\"" + email + "\",\"password\":\"correct horse\"}").json();
        String jwt = second.get("access_token").asText();
        EmulatorHttp.Reply wrongOld = http.client().accessToken(jwt).post("/auth/password/update",
                "{\"old_password\":\"wrong horse\",\"new_password\":\"battery staple\"}");
        assertThat(wrongOld.code()).isEqualTo("PASSWORD_CONFIRMATION_MISMATCH");
        assertThat(http.client().accessToken(jwt).post("/auth/password/update",
                "{\"old_password\":\"correct horse\",\"new_password\":\"battery staple\"}").status()).isEqualTo(200);
        assertThat(http.client().header("x-hexclave-refresh-token", second.get("refresh_token").asText())
                .post("/auth/sessions/current/refresh", null).status()).isEqualTo(200);
        assertThat(http.client().header("x-hexclave-refresh-token", first.get("refresh_token").asText())
                .post("/auth/sessions/current/refresh", null).code()).isEqualTo("REFRESH_TOKEN_NOT_FOUND_OR_EXPIRED");
        assertThat(http.client().post("/auth/password/sign-in",
                "{\"email\":\"" + email + "\",\"password\":\"correct horse\"}").code()).isEqualTo("EMAIL_PASSWORD_MISMATCH");
        assertThat(http.client().post("/auth/password/sign-in",
                "{\"email\":\"" + email + "\",\"password\":\"battery staple\"}").status()).isEqualTo(200);
        assertThat(http.client().post("/auth/password/update",
                "{\"old_password\":\"a\",\"new_password\":\"b\"}").code()).isEqualTo("USER_AUTHENTICATION_REQUIRED");
    }

    @Test
    void aPasswordIsSetOnceByAUserWhoSignedUpByCode() {
        String email = email();
        String nonce = http.client().post("/auth/otp/send-sign-in-code",
                "{\"email\":\"" + email + "\",\"callback_url\":\"" + CALLBACK + "\"}").json().get("nonce").asText();
        String jwt = http.client().post("/auth/otp/sign-in", "{\"code\":\""
                + emu.pendingCode(VerificationCode.Purpose.SIGN_IN, email).orElseThrow().otp() + nonce + "\"}").json()
                .get("access_token").asText();
        EmulatorHttp.Reply update = http.client().accessToken(jwt).post("/auth/password/update",
                "{\"old_password\":\"none at all\",\"new_password\":\"battery staple\"}");
        assertThat(update.code()).isEqualTo("USER_DOES_NOT_HAVE_PASSWORD");
        assertThat(http.client().accessToken(jwt).post("/auth/password/set", "{\"password\":\"battery staple\"}").status())
                .isEqualTo(200);
        EmulatorHttp.Reply again = http.client().accessToken(jwt).post("/auth/password/set", "{\"password\":\"other one!\"}");
        assertThat(again.status()).isEqualTo(400);
        assertThat(http.client().post("/auth/password/sign-in",
                "{\"email\":\"" + email + "\",\"password\":\"battery staple\"}").status()).isEqualTo(200);
    }

    @Test
    void passwordResetByTheLinkTheEmulatorKeeps() {
        String email = email();
        signUp(email, "correct horse");
        String body = "{\"email\":\"" + email + "\",\"callback_url\":\"http://localhost:5173/handler/password-reset\"}";
        assertThat(http.client().post("/auth/password/send-reset-code", body).json().get("success").asText())
                .startsWith("maybe");
        // an unknown address gets the same answer and no code
        String unknown = email();
        assertThat(http.client().post("/auth/password/send-reset-code", body.replace(email, unknown)).status()).isEqualTo(200);
        assertThat(emu.pendingCode(VerificationCode.Purpose.PASSWORD_RESET, unknown)).isEmpty();

        VerificationCode code = emu.pendingCode(VerificationCode.Purpose.PASSWORD_RESET, email).orElseThrow();
        assertThat(code.link()).startsWith("http://localhost:5173/handler/password-reset?code=");
        assertThat(http.client().post("/auth/password/reset/check-code", "{\"code\":\"" + code.code() + "\"}").json()
                .get("is_code_valid").asBoolean()).isTrue();
        assertThat(http.client().post("/auth/password/reset",
                "{\"code\":\"" + code.code() + "\",\"password\":\"short\"}").code()).isEqualTo("PASSWORD_TOO_SHORT");
        assertThat(http.client().post("/auth/password/reset",
                "{\"code\":\"" + code.code() + "\",\"password\":\"battery staple\"}").status()).isEqualTo(200);
        assertThat(http.client().post("/auth/password/reset",
                "{\"code\":\"" + code.code() + "\",\"password\":\"battery staple\"}").code())
                .isEqualTo("VERIFICATION_CODE_ALREADY_USED");
        assertThat(http.client().post("/auth/password/sign-in",
                "{\"email\":\"" + email + "\",\"password\":\"battery staple\"}").status()).isEqualTo(200);
    }
}
