package io.quarkiverse.hexclave.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.Test;

/** Start, stop, coordinates, defaults, and secrets never printed. */
class LifecycleTest {

    @Test
    void defaultsAreRandomAndPrefixed() {
        HexclaveEmulator a = HexclaveEmulator.builder().build();
        HexclaveEmulator b = HexclaveEmulator.builder().build();
        assertThat(a.projectId()).matches("[0-9a-f-]{36}").isNotEqualTo(b.projectId());
        assertThat(a.secretServerKey()).startsWith("ssk_emulator_").isNotEqualTo(b.secretServerKey());
        assertThat(a.publishableClientKey()).startsWith("pck_emulator_");
        assertThat(a.accessTokenLifetime()).hasMinutes(10);
        assertThat(a.isRunning()).isFalse();
        assertThatThrownBy(a::apiUrl).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void startBindsLoopbackAndCloseStopsTheServer() throws Exception {
        HexclaveEmulator emu = HexclaveEmulator.builder().projectId("p-1").secretServerKey("ssk_x").publishableClientKey("pck_y")
                .build().start();
        assertThat(emu.start()).isSameAs(emu);
        assertThat(emu.apiUrl()).isEqualTo("http://127.0.0.1:" + emu.port());
        assertThat(emu.jwksUrl()).isEqualTo(emu.apiUrl() + "/api/v1/projects/p-1/.well-known/jwks.json");
        assertThat(emu.projectId()).isEqualTo("p-1");
        HttpClient client = HttpClient.newHttpClient();
        assertThat(client.send(HttpRequest.newBuilder(URI.create(emu.apiUrl() + "/health")).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        String url = emu.apiUrl();
        emu.close();
        emu.close();
        assertThat(emu.isRunning()).isFalse();
        assertThatThrownBy(() -> client.send(HttpRequest.newBuilder(URI.create(url + "/health")).build(),
                HttpResponse.BodyHandlers.ofString())).isInstanceOf(ConnectException.class);
        assertThatThrownBy(emu::start).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void builderRejectsBadSettings() {
        assertThatThrownBy(() -> HexclaveEmulator.builder().projectId(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HexclaveEmulator.builder().port(70000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> HexclaveEmulator.builder().accessTokenLifetime(java.time.Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void seedDemoUserIsStable() {
        try (HexclaveEmulator emu = HexclaveEmulator.builder().build().start()) {
            EmulatedUser demo = emu.seedDemoUser();
            assertThat(demo.primaryEmail()).isEqualTo("demo@example.com");
            assertThat(demo.displayName()).isEqualTo("Demo User");
            assertThat(emu.seedDemoUser().id()).isEqualTo(demo.id());
            assertThat(emu.users()).hasSize(1);
        }
    }

    @Test
    void secretsNeverAppearInToStringsLogsOrConsole() throws IOException {
        java.io.ByteArrayOutputStream console = new java.io.ByteArrayOutputStream();
        StringBuilder logs = new StringBuilder();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logs.append(record.getMessage()).append('\n');
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        root.addHandler(handler);
        PrintStream out = System.out;
        PrintStream err = System.err;
        System.setOut(new PrintStream(console, true));
        System.setErr(new PrintStream(console, true));
        try (HexclaveEmulator emu = HexclaveEmulator.builder().build().start()) {
            EmulatorHttp http = new EmulatorHttp(emu);
            EmulatedUser u = emu.createUser(NewUser.withEmail("secret@example.com").password("hunter2hunter2").build());
            SessionTokens s = emu.createSession(u.id());
            http.server().header("x-hexclave-secret-server-key", "ssk_wrong_guess").get("/users");
            http.server().accessToken(s.accessToken() + "x").get("/users/me");
            http.server().header("x-hexclave-refresh-token", s.refreshToken()).post("/auth/sessions/current/refresh", null);
            String all = console + logs.toString() + emu + s + NewUser.withEmail("a@b.c").password("pw-in-builder").build();
            assertThat(all).doesNotContain(emu.secretServerKey()).doesNotContain("ssk_wrong_guess")
                    .doesNotContain(s.accessToken()).doesNotContain(s.refreshToken()).doesNotContain("hunter2")
                    .doesNotContain("pw-in-builder");
        } finally {
            System.setOut(out);
            System.setErr(err);
            root.removeHandler(handler);
        }
    }
}
