package io.quarkiverse.hexclave.it.frontend;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code java -jar hexclave-emulator-<version>-runner.jar} as a frontend developer runs it: a process on a free port,
 * whose printed coordinates a client can use at once, stopped by PID (SIGTERM).
 */
class StandaloneRunnerProcessTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Process process;

    @AfterEach
    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            ProcessHandle.of(process.pid()).ifPresent(ProcessHandle::destroyForcibly);
            process.waitFor(10, TimeUnit.SECONDS);
        }
    }

    /** Starts the runner and returns the lines it printed up to the "Stop with Ctrl+C" line. */
    static Map<String, String> startRunner(List<String> args, Process[] started) throws IOException {
        Path jar = Path.of(System.getProperty("hexclave.it.runner-jar"));
        assertThat(jar).as("the runner jar copied by maven-dependency-plugin").exists();
        List<String> command = new java.util.ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", jar.toString()));
        command.addAll(args);
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        started[0] = p;
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        Map<String, String> printed = new LinkedHashMap<>();
        CompletableFuture<Void> ready = CompletableFuture.runAsync(() -> {
            try {
                String line;
                while ((line = out.readLine()) != null && !line.startsWith("E-mail sign-in codes")) {
                    int colon = line.indexOf(": ");
                    if (line.startsWith("  ") && colon > 0) {
                        printed.merge(line.substring(0, colon).trim(), line.substring(colon + 1).trim(), (a, b) -> a + "\n" + b);
                    }
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        try {
            ready.get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("The runner did not print its coordinates within 60 s", e);
        }
        return printed;
    }

    private static HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void startsOnAFreePortAnswersAndStopsOnSigterm() throws Exception {
        Process[] started = new Process[1];
        Map<String, String> printed = startRunner(List.of("--port", "0", "--user", "ada@example.com:lovelace1:Ada",
                "--secret-server-key", "ssk_runner_test_secret"), started);
        process = started[0];
        String baseUrl = printed.get("Base URL (SDK baseUrl)");
        String projectId = printed.get("Project id");
        String key = printed.get("Publishable client key");
        assertThat(baseUrl).matches("http://127\\.0\\.0\\.1:\\d+");
        assertThat(projectId).matches("[0-9a-f-]{36}");
        assertThat(key).startsWith("pck_emulator_");
        assertThat(printed.get("User")).startsWith("ada@example.com");
        assertThat(String.join("\n", printed.values())).doesNotContain("ssk_runner_test_secret");

        HttpResponse<String> welcome = send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1")).build());
        assertThat(welcome.statusCode()).isEqualTo(200);
        HttpResponse<String> signIn = send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1/auth/password/sign-in"))
                .header("x-hexclave-access-type", "client").header("x-hexclave-project-id", projectId)
                .header("x-hexclave-publishable-client-key", key).header("content-type", "application/json")
                .header("Origin", "http://localhost:5173")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"ada@example.com\",\"password\":\"lovelace1\"}"))
                .build());
        assertThat(signIn.statusCode()).as(signIn.body()).isEqualTo(200);
        assertThat(signIn.body()).contains("\"access_token\"");
        assertThat(signIn.headers().firstValue("access-control-allow-origin")).hasValue("http://localhost:5173");

        ProcessHandle handle = ProcessHandle.of(process.pid()).orElseThrow();
        assertThat(handle.destroy()).as("SIGTERM sent").isTrue();
        assertThat(process.waitFor(20, TimeUnit.SECONDS)).as("stopped after SIGTERM").isTrue();
        try {
            send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/v1")).timeout(Duration.ofSeconds(5)).build());
            throw new AssertionError("The emulator still answers after its process stopped");
        } catch (ConnectException expected) {
            // the port is closed
        }
    }

    @Test
    void badOptionsExitWith2AndSayWhy() throws Exception {
        Path jar = Path.of(System.getProperty("hexclave.it.runner-jar"));
        Path err = Files.createTempFile("runner", ".err");
        process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                jar.toString(), "--project-id", "not-a-uuid").redirectError(err.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(Files.readString(err)).contains("--project-id must be a UUID");
        Files.delete(err);
    }
}
