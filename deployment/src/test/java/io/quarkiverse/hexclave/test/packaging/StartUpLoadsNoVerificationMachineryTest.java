package io.quarkiverse.hexclave.test.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.hexclave.test.SharedEmulator;
import io.quarkus.test.QuarkusProdModeTest;

/**
 * The packaged application starts without loading what only a token needs: BouncyCastle's ECDSA, Caffeine (the
 * verified-token cache; no permission cache in an application that uses no authorization) and the server-side client.
 * Its first authenticated request loads them. Read from the JVM's class-loading log of the packaged application.
 */
class StartUpLoadsNoVerificationMachineryTest {

    private static final Path CLASS_LOG = classLog();
    private static final Pattern LOADED = Pattern.compile("\\] (\\S+) source: ");

    @RegisterExtension
    static final QuarkusProdModeTest app = BouncyCastleUnsignedInPackageTest.packaged("lazy-start")
            .setRuntimeProperties(Map.of("quarkus.http.host", "127.0.0.1", "quarkus.http.port", "0",
                    "quarkus.hexclave.api-url", SharedEmulator.apiUrl(),
                    "quarkus.hexclave.project-id", SharedEmulator.projectId()))
            .setJVMArgs(List.of("-Xlog:class+load=info:file=" + CLASS_LOG))
            .setRun(true);

    @Test
    void theFirstTokenLoadsTheEngineTheCacheNotTheStart() throws Exception {
        List<String> atStart = loaded();
        assertThat(atStart).as("the application started").anyMatch(c -> c.startsWith("io.quarkiverse.hexclave."));
        assertThat(atStart).as("BouncyCastle at start-up").noneMatch(c -> c.startsWith("org.bouncycastle."));
        assertThat(atStart).as("Caffeine at start-up").noneMatch(c -> c.startsWith("com.github.benmanes.caffeine."));
        assertThat(atStart).as("the server-side client at start-up")
                .doesNotContain("io.quarkiverse.hexclave.client.RequestSender");

        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port() + "/greet"))
                .header("Authorization", "Bearer " + SharedEmulator.normalToken()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(200);

        List<String> afterFirstToken = loaded();
        assertThat(afterFirstToken).contains("org.bouncycastle.crypto.signers.ECDSASigner",
                "com.github.benmanes.caffeine.cache.Caffeine");
        assertThat(afterFirstToken).as("a token needs no server-side client")
                .doesNotContain("io.quarkiverse.hexclave.client.RequestSender");
    }

    private static List<String> loaded() {
        try {
            return Files.readAllLines(CLASS_LOG).stream().map(LOADED::matcher).filter(Matcher::find)
                    .map(m -> m.group(1)).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path classLog() {
        try {
            Path file = Files.createTempFile("hexclave-class-load", ".log");
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private int port() {
        Matcher m = Pattern.compile("Listening on: http://127\\.0\\.0\\.1:(\\d+)").matcher(app.getStartupConsoleOutput());
        assertThat(m.find()).as("the start-up log names the port").isTrue();
        return Integer.parseInt(m.group(1));
    }
}
