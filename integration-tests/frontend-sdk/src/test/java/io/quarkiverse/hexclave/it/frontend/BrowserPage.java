package io.quarkiverse.hexclave.it.frontend;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * The page of {@code src/test/js/browser-flow.mjs} served on a loopback origin, opened in headless Chromium (Debian's
 * package, installed with apt-get when missing and the build runs as root), with no network beyond loopback. The page
 * reads its settings from {@code /config.json} and posts what happened to {@code /result}.
 */
final class BrowserPage implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    private final HttpServer server;
    private final CompletableFuture<JsonNode> result = new CompletableFuture<>();
    private final Path profile;
    private Process browser;

    /**
     * @param config what the page reads from {@code /config.json}: {@code baseUrl}, {@code projectId},
     *        {@code publishableClientKey}, {@code email}, {@code backendUrl}
     */
    BrowserPage(Map<String, String> config) throws IOException {
        this(config, () -> {
        });
    }

    /**
     * @param config see {@link #BrowserPage(Map)}; with {@code checkpoint=true} the page calls {@code /checkpoint} midway
     * @param atCheckpoint what to do when the page reaches {@code /checkpoint} (it waits for the answer)
     */
    BrowserPage(Map<String, String> config, Runnable atCheckpoint) throws IOException {
        Path bundle = Path.of(System.getProperty("hexclave.it.browser-bundle"));
        assertThat(bundle).as("the page bundle (exec-maven-plugin: node build-browser.mjs)").exists();
        profile = Files.createTempDirectory("chromium-profile");
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", ex -> send(ex, 200, "text/html",
                "<!doctype html><title>Hexclave SDK</title><pre id=\"out\"></pre>"
                        + "<script type=\"module\" src=\"/browser-flow.js\"></script>"));
        server.createContext("/browser-flow.js", ex -> send(ex, 200, "text/javascript", Files.readString(bundle)));
        server.createContext("/config.json", ex -> send(ex, 200, "application/json", JSON.writeValueAsString(config)));
        server.createContext("/checkpoint", ex -> {
            atCheckpoint.run();
            send(ex, 204, "text/plain", "");
        });
        server.createContext("/result", ex -> {
            result.complete(JSON.readTree(ex.getRequestBody().readAllBytes()));
            send(ex, 204, "text/plain", "");
        });
        server.start();
    }

    /** Installs Chromium when it is missing (root with apt-get), else fails saying how to install it. */
    static void requireChromium() throws IOException, InterruptedException {
        if (Files.isExecutable(CHROMIUM)) {
            return;
        }
        boolean root = "root".equals(System.getProperty("user.name"));
        assertThat(root && Files.isExecutable(Path.of("/usr/bin/apt-get")))
                .as("Chromium is missing: install Debian's package (apt-get install -y chromium)").isTrue();
        for (List<String> command : List.of(List.of("apt-get", "update", "-qq"),
                List.of("apt-get", "install", "-y", "-qq", "chromium"))) {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            p.getOutputStream().close();
            assertThat(p.waitFor(15, TimeUnit.MINUTES)).as(String.join(" ", command)).isTrue();
            assertThat(p.exitValue()).as(String.join(" ", command)).isZero();
        }
        assertThat(CHROMIUM).isExecutable();
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** Opens the page as {@code http://<host>:<port>/} and waits for what it reports. */
    JsonNode open(String host) throws Exception {
        String url = "http://" + host + ":" + port() + "/";
        browser = new ProcessBuilder(CHROMIUM.toString(), "--headless=new", "--no-sandbox", "--disable-gpu",
                "--user-data-dir=" + profile, "--no-first-run", "--no-default-browser-check", "--disable-extensions",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-domain-reliability", "--disable-client-side-phishing-detection",
                "--proxy-server=http://127.0.0.1:9", url) // loopback bypasses the (dead) proxy; nothing else gets out
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return result.get(90, TimeUnit.SECONDS);
    }

    static void send(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type + "; charset=utf-8");
        ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        }
        ex.close();
    }

    /** Stops Chromium (its whole process tree, by PID) and the page server. */
    @Override
    public void close() throws InterruptedException, IOException {
        if (browser != null) {
            List<ProcessHandle> tree = new ArrayList<>(browser.descendants().toList());
            tree.add(browser.toHandle());
            tree.forEach(ProcessHandle::destroyForcibly);
            browser.waitFor(10, TimeUnit.SECONDS);
        }
        server.stop(0);
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
