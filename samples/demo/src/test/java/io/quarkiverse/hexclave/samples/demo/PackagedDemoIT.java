package io.quarkiverse.hexclave.samples.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * The production build of the demo: the emulator is nowhere in it, and the packaged app starts against a configured
 * project (no Dev Services) and challenges requests without a token.
 */
class PackagedDemoIT {

    static final Path APP = Path.of(System.getProperty("demo.app.dir", "target/quarkus-app"));

    @Test
    void productionBuildHasNoEmulator() throws IOException {
        List<String> jars;
        try (Stream<Path> files = Files.walk(APP)) {
            jars = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".jar")).toList();
        }
        assertThat(jars).anyMatch(n -> n.contains("quarkus-hexclave-999"));
        assertThat(jars).noneMatch(n -> n.contains("hexclave-emulator"));
        assertThat(jars).noneMatch(n -> n.contains("quarkus-hexclave-deployment"));
        assertThat(jars).noneMatch(n -> n.contains("quarkus-hexclave-testing"));
    }

    @Test
    void packagedAppStartsWithoutDevServices() throws Exception {
        int port = freePort();
        Path log = Files.createTempFile("packaged-demo", ".log");
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dquarkus.http.port=" + port, "-Dquarkus.http.host=127.0.0.1",
                "-jar", APP.resolve("quarkus-run.jar").toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("HEXCLAVE_PROJECT_ID", "8c0d6b2e-3f4a-4b5c-9d6e-7f8a9b0c1d2e");
        pb.environment().put("HEXCLAVE_API_URL", "http://127.0.0.1:9");
        Process process = pb.start();
        try {
            HttpClient http = HttpClient.newHttpClient();
            HttpRequest hello = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/hello"))
                    .timeout(Duration.ofSeconds(5)).build();
            HttpResponse<String> response = null;
            Instant deadline = Instant.now().plusSeconds(30);
            while (response == null && Instant.now().isBefore(deadline) && process.isAlive()) {
                try {
                    response = http.send(hello, HttpResponse.BodyHandlers.ofString());
                } catch (IOException notYet) {
                    Thread.sleep(200);
                }
            }
            assertThat(response).as("packaged app answered; log:%n%s", Files.readString(log)).isNotNull();
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(Files.readString(log)).doesNotContain("Dev Services").doesNotContain("eyJ");
        } finally {
            process.destroy();
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            Files.deleteIfExists(log);
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
