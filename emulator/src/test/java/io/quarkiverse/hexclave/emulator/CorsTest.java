package io.quarkiverse.hexclave.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * CORS: which origins a browser lets call the emulator, the preflight for the headers the JS SDK sends, and the
 * response headers the SDK must be able to read.
 */
class CorsTest {

    /** The headers @stackframe/js 2.8.108 sends on a signed-in client request (client-interface.js). */
    private static final String SDK_HEADERS = "content-type, ngrok-skip-browser-warning, x-hexclave-access-token, "
            + "x-hexclave-access-type, x-hexclave-allow-anonymous-user, x-hexclave-client-version, "
            + "x-hexclave-override-error-status, x-hexclave-project-id, x-hexclave-publishable-client-key, "
            + "x-hexclave-random-nonce, x-hexclave-refresh-token";

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

    private EmulatorHttp.Reply preflight(EmulatorHttp h, String origin, String method, String headers) {
        EmulatorHttp.Call call = h.anonymous().unvalidated().header("Origin", origin)
                .header("Access-Control-Request-Method", method);
        if (headers != null) {
            call.header("Access-Control-Request-Headers", headers);
        }
        return call.send("OPTIONS", "/users/me", null);
    }

    @Test
    void localDevServersPassThePreflightForEverySdkHeader() {
        for (String origin : List.of("http://localhost:5173", "http://localhost:3000", "http://127.0.0.1:8080",
                "http://localhost")) {
            EmulatorHttp.Reply reply = preflight(http, origin, "PATCH", SDK_HEADERS + ", x-stack-access-token, authorization");
            assertThat(reply.status()).isEqualTo(204);
            assertThat(reply.header("access-control-allow-origin")).isEqualTo(origin);
            assertThat(reply.header("access-control-allow-methods")).contains("PATCH").contains("DELETE");
            assertThat(reply.header("access-control-allow-headers").split(",\\s*"))
                    .contains("x-hexclave-access-token", "x-hexclave-refresh-token", "x-stack-access-token", "content-type",
                            "authorization", "ngrok-skip-browser-warning");
            assertThat(reply.header("access-control-max-age")).isEqualTo("7200");
            assertThat(reply.header("access-control-allow-credentials")).isNull();
        }
    }

    @Test
    void otherOriginsGetNoCorsHeaders() {
        for (String origin : List.of("https://evil.example.com", "http://localhost.evil.example.com:5173",
                "https://localhost:5173", "null")) {
            EmulatorHttp.Reply reply = preflight(http, origin, "GET", "x-hexclave-access-type");
            assertThat(reply.status()).isEqualTo(204);
            assertThat(reply.header("access-control-allow-origin")).as(origin).isNull();
            EmulatorHttp.Reply get = http.client().unvalidated().header("Origin", origin).get("/projects/current");
            assertThat(get.status()).isEqualTo(200);
            assertThat(get.header("access-control-allow-origin")).as(origin).isNull();
            assertThat(get.header("vary")).isEqualTo("Origin");
        }
    }

    @Test
    void aHeaderOutsideTheProtocolFailsThePreflight() {
        EmulatorHttp.Reply reply = preflight(http, "http://localhost:5173", "POST", "content-type, x-custom-tracking");
        assertThat(reply.header("access-control-allow-origin")).isNull();
    }

    @Test
    void answersExposeTheHeadersTheSdkReads() {
        EmulatorHttp.Reply ok = http.client().header("Origin", "http://localhost:5173").get("/projects/current");
        assertThat(ok.header("access-control-allow-origin")).isEqualTo("http://localhost:5173");
        assertThat(ok.header("access-control-expose-headers")).contains("x-hexclave-known-error", "x-stack-known-error",
                "x-hexclave-actual-status", "x-stack-actual-status", "x-hexclave-request-id");
        // errors (here with the SDK's override-error-status) carry them too, or the SDK could not read the known error
        EmulatorHttp.Reply error = http.client().unvalidated().header("Origin", "http://localhost:5173")
                .header("x-hexclave-override-error-status", "true").get("/users/me");
        assertThat(error.status()).isEqualTo(200);
        assertThat(error.header("x-hexclave-actual-status")).isEqualTo("400");
        assertThat(error.header("access-control-allow-origin")).isEqualTo("http://localhost:5173");
        // the token endpoint, which the SDK calls without any x-* header
        EmulatorHttp.Reply token = http.anonymous().documentedAs("client").header("Origin", "http://127.0.0.1:3000")
                .postForm("/auth/oauth/token", "grant_type=refresh_token&refresh_token=x&client_id=" + emu.projectId()
                        + "&client_secret=" + emu.publishableClientKey());
        assertThat(token.code()).isEqualTo("REFRESH_TOKEN_NOT_FOUND_OR_EXPIRED");
        assertThat(token.header("access-control-allow-origin")).isEqualTo("http://127.0.0.1:3000");
    }

    @Test
    void configuredOriginsReplaceTheDefaults() {
        try (HexclaveEmulator custom = HexclaveEmulator.builder()
                .corsAllowedOrigins(List.of("https://app.example.com", "http://devbox.local:*")).build().start()) {
            EmulatorHttp h = new EmulatorHttp(custom);
            assertThat(preflight(h, "https://app.example.com", "GET", SDK_HEADERS).header("access-control-allow-origin"))
                    .isEqualTo("https://app.example.com");
            assertThat(preflight(h, "http://devbox.local:4200", "GET", SDK_HEADERS).header("access-control-allow-origin"))
                    .isEqualTo("http://devbox.local:4200");
            assertThat(preflight(h, "http://localhost:5173", "GET", SDK_HEADERS).header("access-control-allow-origin"))
                    .isNull();
        }
        try (HexclaveEmulator any = HexclaveEmulator.builder().corsAllowedOrigins(List.of("*")).build().start()) {
            assertThat(preflight(new EmulatorHttp(any), "https://anything.example", "GET", SDK_HEADERS)
                    .header("access-control-allow-origin")).isEqualTo("https://anything.example");
        }
    }

    @Test
    void malformedOriginPatternsAreRefusedAtBuildTime() {
        for (String bad : List.of("localhost:5173", "http://*.example.com", "ftp://x", "http://a.com/path", "")) {
            assertThatThrownBy(() -> HexclaveEmulator.builder().corsAllowedOrigins(List.of(bad)))
                    .as(bad).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("CORS origin");
        }
    }
}
