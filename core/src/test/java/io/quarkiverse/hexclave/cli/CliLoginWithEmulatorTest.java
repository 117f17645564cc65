package io.quarkiverse.hexclave.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkiverse.hexclave.client.ContractCheckingTransport;
import io.quarkiverse.hexclave.client.HexclaveClient;
import io.quarkiverse.hexclave.client.JdkHttpTransport;
import io.quarkiverse.hexclave.client.model.User;
import io.quarkiverse.hexclave.config.HexclaveSettings;
import io.quarkiverse.hexclave.config.Secret;
import io.quarkiverse.hexclave.emulator.EmulatedUser;
import io.quarkiverse.hexclave.emulator.HexclaveEmulator;
import io.quarkiverse.hexclave.emulator.NewUser;

/** The whole CLI login, as the template does it, against the emulator; every exchange contract-checked. */
class CliLoginWithEmulatorTest {

    private final HexclaveEmulator emulator = HexclaveEmulator.builder().build().start();

    @AfterEach
    void stop() {
        emulator.close();
    }

    @Test
    void humanConfirmsInTheBrowserAndTheCliGetsTheUser() {
        EmulatedUser ada = emulator.createUser(NewUser.withEmail("ada@example.com").displayName("Ada Lovelace").build());
        HexclaveSettings settings = HexclaveSettings.builder(emulator.projectId()).apiUrl(emulator.apiUrl())
                .publishableClientKey(emulator.publishableClientKey()).build();
        try (HexclaveClient client = new HexclaveClient(settings,
                new ContractCheckingTransport(new JdkHttpTransport(Duration.ofSeconds(2)), true))) {
            HexclaveCliLogin login = HexclaveCliLogin.builder(client, "http://127.0.0.1:1")
                    .output(new PrintStream(new ByteArrayOutputStream())).pollInterval(Duration.ofMillis(20))
                    // the "browser": the signed-in human confirms the login code shown in the URL
                    .browser(uri -> emulator.cli().confirm(loginCode(uri), ada.id())).build();

            Optional<Secret> refreshToken = login.prompt();

            assertThat(refreshToken).isPresent();
            Secret accessToken = client.sessions().refresh(refreshToken.get());
            User me = client.users().me(accessToken);
            assertThat(me.id()).isEqualTo(ada.id());
            assertThat(me.displayNameOrEmail()).isEqualTo("Ada Lovelace");
        }
    }

    @Test
    void nobodyConfirmsAndTheAttemptExpires() {
        HexclaveSettings settings = HexclaveSettings.builder(emulator.projectId()).apiUrl(emulator.apiUrl())
                .publishableClientKey(emulator.publishableClientKey()).build();
        try (HexclaveClient client = HexclaveClient.create(settings)) {
            CliLoginResult result = HexclaveCliLogin.builder(client, "http://127.0.0.1:1")
                    .output(new PrintStream(new ByteArrayOutputStream())).browser(uri -> {
                    }).expiresIn(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(200)).timeout(Duration.ofSeconds(10))
                    .build().run();

            assertThat(result.status()).isEqualTo(CliLoginResult.Status.EXPIRED);
        }
    }

    static String loginCode(URI uri) {
        String q = uri.getRawQuery();
        return URLDecoder.decode(q.substring(q.indexOf("login_code=") + "login_code=".length()), StandardCharsets.UTF_8);
    }
}
