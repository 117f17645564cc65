package io.quarkiverse.hexclave.samples.cli;

import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import io.quarkiverse.hexclave.cli.CliLoginResult;
import io.quarkiverse.hexclave.cli.FileRefreshTokenStore;
import io.quarkiverse.hexclave.cli.HexclaveCliLogin;
import io.quarkiverse.hexclave.client.HexclaveClient;
import io.quarkiverse.hexclave.client.error.HexclaveApiException;
import io.quarkiverse.hexclave.client.error.HexclaveConnectionException;
import io.quarkiverse.hexclave.client.error.RefreshTokenNotFoundOrExpiredException;
import io.quarkiverse.hexclave.client.model.User;
import io.quarkiverse.hexclave.config.HexclaveConfigException;
import io.quarkiverse.hexclave.config.HexclaveSettings;
import io.quarkiverse.hexclave.config.Secret;

/**
 * Signs the user in through the browser and prints {@code logged in as <display name or e-mail>}: the Java version
 * of Hexclave's CLI-app template.
 *
 * <pre>
 * java -jar samples/cli/target/hexclave-sample-cli.jar --app-url https://my-app.example.com \
 *      [--project-id ID] [--publishable-client-key KEY] [--api-url URL] [--token-file PATH]
 * </pre>
 * Each flag falls back to an environment variable: {@code HEXCLAVE_APP_URL}, {@code HEXCLAVE_PROJECT_ID},
 * {@code HEXCLAVE_PUBLISHABLE_CLIENT_KEY}, {@code HEXCLAVE_API_URL}. With {@code --token-file} the refresh token is kept
 * (owner-only) and reused on the next run. No secret server key is used: a CLI runs on the user's machine.
 */
public final class CliLoginSample {

    static final String USAGE = "usage: hexclave-sample-cli --app-url URL [--project-id ID] [--publishable-client-key KEY]"
            + " [--api-url URL] [--token-file PATH]";

    private CliLoginSample() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.out, System.err, HexclaveCliLogin::openWithDesktop));
    }

    /**
     * Runs the program.
     *
     * @return the exit code: 0 logged in, 1 login failed, 2 usage or configuration error
     */
    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err, Consumer<URI> browser) {
        Map<String, String> flags;
        try {
            flags = parse(args);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            err.println(USAGE);
            return 2;
        }
        if (flags.containsKey("help")) {
            out.println(USAGE);
            return 0;
        }
        String appUrl = option(flags, env, "app-url", "HEXCLAVE_APP_URL");
        String projectId = option(flags, env, "project-id", "HEXCLAVE_PROJECT_ID");
        if (appUrl == null || projectId == null) {
            err.println("--app-url (HEXCLAVE_APP_URL) and --project-id (HEXCLAVE_PROJECT_ID) are required");
            err.println(USAGE);
            return 2;
        }
        HexclaveSettings settings;
        try {
            settings = HexclaveSettings.builder(projectId).apiUrl(option(flags, env, "api-url", "HEXCLAVE_API_URL"))
                    .publishableClientKey(option(flags, env, "publishable-client-key", "HEXCLAVE_PUBLISHABLE_CLIENT_KEY"))
                    .build();
        } catch (HexclaveConfigException e) {
            err.println(e.getMessage());
            return 2;
        }
        Optional<FileRefreshTokenStore> store = Optional.ofNullable(flags.get("token-file")).map(Path::of)
                .map(FileRefreshTokenStore::new);

        try (HexclaveClient client = HexclaveClient.create(settings)) {
            Optional<Secret> saved = store.flatMap(FileRefreshTokenStore::load);
            if (saved.isPresent()) {
                try {
                    User user = client.users().me(client.sessions().refresh(saved.get()));
                    out.println("logged in as " + user.displayNameOrEmail());
                    return 0;
                } catch (RefreshTokenNotFoundOrExpiredException e) {
                    store.ifPresent(FileRefreshTokenStore::clear); // the session is gone: sign in again
                }
            }
            CliLoginResult result;
            try {
                result = HexclaveCliLogin.builder(client, appUrl).output(out).browser(browser).build().run();
            } catch (IllegalArgumentException e) {
                err.println(e.getMessage());
                return 2;
            }
            if (!result.succeeded()) {
                err.println("login " + result.status().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
                return 1;
            }
            Secret refreshToken = result.refreshToken().orElseThrow();
            store.ifPresent(s -> s.save(refreshToken));
            Secret accessToken = client.sessions().refresh(refreshToken);
            User user = client.users().me(accessToken);
            out.println("logged in as " + user.displayNameOrEmail());
            return 0;
        } catch (HexclaveApiException | HexclaveConnectionException e) {
            err.println("login failed: " + e.getMessage());
            return 1;
        }
    }

    private static String option(Map<String, String> flags, Map<String, String> env, String flag, String variable) {
        String v = flags.get(flag);
        if (v == null) {
            v = env.get(variable);
        }
        return v == null || v.isBlank() ? null : v.strip();
    }

    static Map<String, String> parse(String[] args) {
        Map<String, String> flags = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--help") || a.equals("-h")) {
                flags.put("help", "");
                continue;
            }
            if (!a.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument: " + a);
            }
            String name = a.substring(2);
            String value;
            int eq = name.indexOf('=');
            if (eq >= 0) {
                value = name.substring(eq + 1);
                name = name.substring(0, eq);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new IllegalArgumentException("missing value for --" + name);
            }
            if (!java.util.Set.of("app-url", "project-id", "publishable-client-key", "api-url", "token-file").contains(name)) {
                throw new IllegalArgumentException("unknown option --" + name);
            }
            flags.put(name, value);
        }
        return flags;
    }
}
