package io.quarkiverse.hexclave.samples.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.quarkiverse.hexclave.emulator.EmulatedUser;
import io.quarkiverse.hexclave.emulator.HexclaveEmulator;
import io.quarkiverse.hexclave.emulator.NewUser;

class CliLoginSampleTest {

    private final HexclaveEmulator emulator = HexclaveEmulator.builder().build().start();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        emulator.close();
    }

    private int run(Map<String, String> env, java.util.function.Consumer<URI> browser, String... args) {
        return CliLoginSample.run(args, env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), browser);
    }

    private Map<String, String> env() {
        return Map.of("HEXCLAVE_PROJECT_ID", emulator.projectId(), "HEXCLAVE_API_URL", emulator.apiUrl(),
                "HEXCLAVE_PUBLISHABLE_CLIENT_KEY", emulator.publishableClientKey());
    }

    static String loginCode(URI uri) {
        String q = uri.getRawQuery();
        return URLDecoder.decode(q.substring(q.indexOf("login_code=") + "login_code=".length()), StandardCharsets.UTF_8);
    }

    @Test
    void logsInThroughTheBrowserAndPrintsTheDisplayName() {
        EmulatedUser ada = emulator.createUser(NewUser.withEmail("ada@example.com").displayName("Ada Lovelace").build());

        int code = run(env(), uri -> emulator.cli().confirm(loginCode(uri), ada.id()), "--app-url", "http://127.0.0.1:3000");

        assertThat(code).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("/handler/cli-auth-confirm?login_code=")
                .contains("logged in as Ada Lovelace");
    }

    @Test
    void savedRefreshTokenIsReusedWithoutABrowser() throws Exception {
        EmulatedUser grace = emulator.createUser(NewUser.withEmail("grace@example.com").build());
        Path tokenFile = dir.resolve("token");
        AtomicInteger browsed = new AtomicInteger();

        assertThat(run(env(), uri -> {
            browsed.incrementAndGet();
            emulator.cli().confirm(loginCode(uri), grace.id());
        }, "--app-url", "http://127.0.0.1:3000", "--token-file", tokenFile.toString())).isZero();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(tokenFile))).isEqualTo("rw-------");

        assertThat(run(env(), uri -> browsed.incrementAndGet(), "--app-url=http://127.0.0.1:3000",
                "--token-file=" + tokenFile)).isZero();
        assertThat(browsed).hasValue(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("logged in as grace@example.com");
    }

    @Test
    void missingProjectIdIsAUsageError() {
        assertThat(run(Map.of(), uri -> {
        }, "--app-url", "http://127.0.0.1:3000")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--project-id");
    }

    @Test
    void unknownFlagIsAUsageError() {
        assertThat(run(env(), uri -> {
        }, "--nope", "x")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("unknown option --nope");
    }
}
