package io.quarkiverse.hexclave.docs.examples;

import java.time.Duration;
import java.util.Optional;

import io.quarkiverse.hexclave.cli.CliLoginResult;
import io.quarkiverse.hexclave.cli.FileRefreshTokenStore;
import io.quarkiverse.hexclave.cli.HexclaveCliLogin;
import io.quarkiverse.hexclave.client.CliAuthApi;
import io.quarkiverse.hexclave.client.HexclaveClient;
import io.quarkiverse.hexclave.client.error.RefreshTokenNotFoundOrExpiredException;
import io.quarkiverse.hexclave.client.model.User;
import io.quarkiverse.hexclave.config.HexclaveSettings;
import io.quarkiverse.hexclave.config.Secret;

/** The examples of cli-login.adoc; compiled by core's DocsExamplesCompileTest. */
class CliLoginExample {

    void prompt() {
        // tag::prompt[]
        HexclaveSettings settings = HexclaveSettings.builder(System.getenv("HEXCLAVE_PROJECT_ID")) // <1>
                .publishableClientKey(System.getenv("HEXCLAVE_PUBLISHABLE_CLIENT_KEY"))           // <2>
                .build();
        try (HexclaveClient hexclave = HexclaveClient.create(settings)) {
            Optional<Secret> refreshToken = HexclaveCliLogin.promptCliLogin(hexclave, "https://my-app.example.com"); // <3>
            if (refreshToken.isEmpty()) {
                System.err.println("login cancelled or expired");
                return;
            }
            Secret accessToken = hexclave.sessions().refresh(refreshToken.get());
            User me = hexclave.users().me(accessToken);
            System.out.println("logged in as " + me.displayNameOrEmail());
        }
        // end::prompt[]
    }

    void configured(HexclaveClient hexclave) {
        // tag::configured[]
        HexclaveCliLogin login = HexclaveCliLogin.builder(hexclave, "https://my-app.example.com")
                .expiresIn(Duration.ofMinutes(10))   // how long the code stays valid (max 15 min)
                .pollInterval(Duration.ofSeconds(2))
                .timeout(Duration.ofMinutes(10))
                .output(System.err)                  // where the URL is printed
                .build();
        Runtime.getRuntime().addShutdownHook(new Thread(login::cancel)); // Ctrl-C ends polling
        CliLoginResult result = login.run();
        switch (result.status()) {
            case SUCCESS -> System.out.println("welcome");
            case EXPIRED, TIMED_OUT -> System.err.println("nobody confirmed in time");
            case USED -> System.err.println("this login was already used");
            case CANCELLED -> System.err.println("cancelled");
        }
        // end::configured[]
    }

    void store(HexclaveClient hexclave) {
        // tag::store[]
        FileRefreshTokenStore store = FileRefreshTokenStore.inUserConfig("my-cli"); // ~/.config/my-cli/refresh-token
        Secret refreshToken = store.load().orElseGet(() -> {
            Secret fresh = HexclaveCliLogin.promptCliLogin(hexclave, "https://my-app.example.com").orElseThrow();
            store.save(fresh); // owner-only (600), written atomically
            return fresh;
        });
        try {
            Secret accessToken = hexclave.sessions().refresh(refreshToken);
        } catch (RefreshTokenNotFoundOrExpiredException e) {
            store.clear(); // signed out elsewhere, or the user was deleted: log in again next time
        }
        // end::store[]
    }

    void confirm(HexclaveClient hexclave, String loginCode, Secret signedInUsersRefreshToken) {
        // tag::confirm[]
        // the confirmation page of your web app, opened as {appUrl}/handler/cli-auth-confirm?login_code=…
        CliAuthApi.CliSessionState state = hexclave.cliAuth().check(loginCode);     // <1>
        hexclave.cliAuth().complete(loginCode, signedInUsersRefreshToken);           // <2>
        // end::confirm[]
    }
}
