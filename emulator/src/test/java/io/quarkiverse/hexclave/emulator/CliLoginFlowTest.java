package io.quarkiverse.hexclave.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** The CLI login flow of §9.5: start, wait, confirm, success once, then used; expiry; bad codes. */
class CliLoginFlowTest {

    private final MovableClock clock = new MovableClock();
    private HexclaveEmulator emu;
    private EmulatorHttp http;

    @BeforeEach
    void start() {
        emu = HexclaveEmulator.builder().clock(clock).build().start();
        http = new EmulatorHttp(emu);
    }

    @AfterEach
    void stop() {
        emu.close();
    }

    private JsonNode startLogin(String body) {
        EmulatorHttp.Reply reply = http.client().post("/auth/cli", body);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    private EmulatorHttp.Reply poll(String pollingCode) {
        return http.client().post("/auth/cli/poll", "{\"polling_code\":\"" + pollingCode + "\"}");
    }

    @Test
    void fullFlowHandsTheRefreshTokenOutOnce() {
        JsonNode started = startLogin("{}");
        String polling = started.get("polling_code").asText();
        String login = started.get("login_code").asText();
        assertThat(Instant.parse(started.get("expires_at").asText())).isEqualTo(clock.instant().plusMillis(120_000));
        assertThat(polling).isNotEqualTo(login);

        EmulatorHttp.Reply waiting = poll(polling);
        assertThat(waiting.status()).isEqualTo(200);
        assertThat(waiting.json().get("status").asText()).isEqualTo("waiting");

        EmulatedUser user = emu.seedDemoUser();
        assertThat(emu.cli().isPending(login)).isTrue();
        SessionTokens session = emu.cli().confirm(login, user.id());
        assertThat(emu.cli().isPending(login)).isFalse();

        EmulatorHttp.Reply success = poll(polling);
        assertThat(success.status()).isEqualTo(201);
        assertThat(success.json().get("status").asText()).isEqualTo("success");
        assertThat(success.json().get("refresh_token").asText()).isEqualTo(session.refreshToken());

        EmulatorHttp.Reply used = poll(polling);
        assertThat(used.status()).isEqualTo(200);
        assertThat(used.json().get("status").asText()).isEqualTo("used");
        assertThat(used.json().has("refresh_token")).isFalse();

        String jwt = http.client().header("x-hexclave-refresh-token", session.refreshToken())
                .post("/auth/sessions/current/refresh", null).json().get("access_token").asText();
        assertThat(http.client().accessToken(jwt).get("/users/me").json().get("primary_email").asText())
                .isEqualTo("demo@example.com");
    }

    @Test
    void completeOverRestWithTheBrowsersRefreshToken() {
        JsonNode started = startLogin("{\"expires_in_millis\":60000}");
        SessionTokens browser = emu.createSession(emu.seedDemoUser().id());
        String login = started.get("login_code").asText();
        EmulatorHttp.Reply check = http.client().post("/auth/cli/complete", "{\"login_code\":\"" + login + "\",\"mode\":\"check\"}");
        assertThat(check.status()).isEqualTo(200);
        assertThat(check.json().get("cli_session_state").asText()).isEqualTo("none");
        EmulatorHttp.Reply complete = http.client().post("/auth/cli/complete",
                "{\"login_code\":\"" + login + "\",\"mode\":\"complete\",\"refresh_token\":\"" + browser.refreshToken() + "\"}");
        assertThat(complete.status()).isEqualTo(200);
        assertThat(complete.json().get("success").asBoolean()).isTrue();
        assertThat(poll(started.get("polling_code").asText()).json().get("refresh_token").asText())
                .isEqualTo(browser.refreshToken());
        EmulatorHttp.Reply again = http.client().post("/auth/cli/complete",
                "{\"login_code\":\"" + login + "\",\"refresh_token\":\"" + browser.refreshToken() + "\"}");
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.header("content-type")).startsWith("text/plain");
    }

    @Test
    void javaConfirmAndHttpCompleteShareOnePendingState() {
        SessionTokens browser = emu.createSession(emu.seedDemoUser().id());
        String first = startLogin("{}").get("login_code").asText();
        emu.cli().confirm(first, emu.seedDemoUser().id());
        EmulatorHttp.Reply afterJava = http.client().post("/auth/cli/complete",
                "{\"login_code\":\"" + first + "\",\"refresh_token\":\"" + browser.refreshToken() + "\"}");
        assertThat(afterJava.status()).isEqualTo(400);

        String second = startLogin("{}").get("login_code").asText();
        assertThat(http.client().post("/auth/cli/complete", "{\"login_code\":\"" + second + "\",\"refresh_token\":\""
                + browser.refreshToken() + "\"}").status()).isEqualTo(200);
        assertThat(emu.cli().isPending(second)).isFalse();
        assertThatThrownBy(() -> emu.cli().confirm(second, emu.seedDemoUser().id()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void unconfirmedLoginExpires() {
        JsonNode started = startLogin("{\"expires_in_millis\":1000}");
        clock.advance(Duration.ofSeconds(2));
        assertThat(poll(started.get("polling_code").asText()).json().get("status").asText()).isEqualTo("expired");
        assertThatThrownBy(() -> emu.cli().confirm(started.get("login_code").asText(), emu.seedDemoUser().id()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void unknownPollingCodeIsInvalid() {
        EmulatorHttp.Reply reply = poll("nope");
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.code()).isEqualTo("INVALID_POLLING_CODE");
    }

    @Test
    void startValidatesTheLifetimeAndNeedsTheKey() {
        assertThat(http.client().post("/auth/cli", "{\"expires_in_millis\":900001}").code()).isEqualTo("SCHEMA_ERROR");
        assertThat(http.client().post("/auth/cli", "{\"expires_in_millis\":900000}").status()).isEqualTo(200);
        assertThat(http.client().post("/auth/cli", "{\"foo\":1}").code()).isEqualTo("SCHEMA_ERROR");
        assertThat(http.client().without("x-hexclave-publishable-client-key").post("/auth/cli", "{}").code())
                .isEqualTo("PUBLISHABLE_CLIENT_KEY_REQUIRED_FOR_PROJECT");
    }

    @Test
    void clockDrivesTokenTimesToo() throws Exception {
        EmulatedUser u = emu.seedDemoUser();
        String jwt = emu.mintAccessToken(u);
        assertThat(AccessTokenShapeTest.part(jwt, 1).get("iat").asLong()).isEqualTo(clock.instant().getEpochSecond());
        clock.advance(Duration.ofMinutes(11));
        assertThat(http.server().accessToken(jwt).get("/users/me").code()).isEqualTo("ACCESS_TOKEN_EXPIRED");
    }
}
