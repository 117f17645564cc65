package io.quarkiverse.hexclave.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The standalone runner's options and what it prints (the process itself is tested in integration-tests/frontend-sdk). */
class StandaloneEmulatorTest {

    private static final String PROJECT = "0b7e3f1c-5d2a-4c8e-9f10-2a3b4c5d6e7f";

    @Test
    void optionsConfigureAndSeedTheEmulator() {
        StandaloneEmulator.Options o = StandaloneEmulator.Options.parse("--port", "0", "--project-id", PROJECT,
                "--publishable-client-key", "pck_fixed", "--secret-server-key", "ssk_fixed_secret", "--user",
                "ada@example.com:lovelace1:Ada Lovelace", "--user", "Bob@Example.com:builder99", "--cors-origin",
                "https://app.example.com", "--access-token-lifetime", "120", "--no-sign-up");
        try (HexclaveEmulator emu = StandaloneEmulator.start(o)) {
            assertThat(emu.projectId()).isEqualTo(PROJECT);
            assertThat(emu.publishableClientKey()).isEqualTo("pck_fixed");
            assertThat(emu.secretServerKey()).isEqualTo("ssk_fixed_secret");
            assertThat(emu.corsAllowedOrigins()).containsExactly("https://app.example.com");
            assertThat(emu.accessTokenLifetime()).isEqualTo(Duration.ofSeconds(120));
            assertThat(emu.users()).extracting(EmulatedUser::primaryEmail).containsExactly("ada@example.com", "bob@example.com");
            assertThat(emu.users().get(0).displayName()).isEqualTo("Ada Lovelace");
            EmulatorHttp http = new EmulatorHttp(emu);
            assertThat(http.client().post("/auth/password/sign-in", "{\"email\":\"bob@example.com\",\"password\":\"builder99\"}")
                    .status()).isEqualTo(200);
            assertThat(http.client().post("/auth/password/sign-up", "{\"email\":\"eve@example.com\",\"password\":\"eve password\"}")
                    .code()).isEqualTo("SIGN_UP_NOT_ENABLED");

            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            StandaloneEmulator.describe(emu, o, new PrintStream(bytes, true, StandardCharsets.UTF_8));
            String printed = bytes.toString(StandardCharsets.UTF_8);
            assertThat(printed).contains("Base URL (SDK baseUrl):       " + emu.apiUrl())
                    .contains("Project id:                   " + PROJECT).contains("pck_fixed")
                    .contains("ada@example.com").contains("https://app.example.com")
                    .doesNotContain("ssk_fixed_secret");
        }
    }

    @Test
    void defaultsArePort8102RandomKeysAndLocalDevOrigins() {
        StandaloneEmulator.Options o = StandaloneEmulator.Options.parse();
        assertThat(o.port()).isEqualTo(8102);
        assertThat(o.projectId()).isNull();
        assertThat(o.corsOrigins()).isEmpty();
        assertThat(o.signUpEnabled()).isTrue();
        assertThat(StandaloneEmulator.Options.parse("--help").help()).isTrue();
    }

    @Test
    void badArgumentsAreExplained() {
        for (List<String> args : List.of(List.of("--port", "70000"), List.of("--port"), List.of("--project-id", "not-a-uuid"),
                List.of("--user", "no-password@example.com"), List.of("--frobnicate"),
                List.of("--access-token-lifetime", "0"))) {
            assertThatThrownBy(() -> StandaloneEmulator.Options.parse(args.toArray(String[]::new))).as(args.toString())
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(args.get(0).startsWith("--f") ? "Unknown"
                            : args.get(0));
        }
    }
}
