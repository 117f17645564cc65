package io.quarkiverse.hexclave.it.frontend;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.jose4j.jwk.HttpsJwks;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.HttpsJwksVerificationKeyResolver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.quarkiverse.hexclave.emulator.HexclaveEmulator;
import io.quarkiverse.hexclave.emulator.UserClass;

/**
 * The JS SDK in a real browser (headless Chromium), where CORS is enforced: a page on one loopback origin signs up and
 * in against the emulator on a second origin and calls a backend on a third with {@code getAuthorizationHeader()}; the
 * backend verifies the token against the emulator's JWKS. A page on an origin the emulator does not admit is blocked
 * by the browser. The page bundle is built by {@code src/test/js/build-browser.mjs} (esbuild) in the build.
 */
class BrowserFlowTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    private HexclaveEmulator emu;
    private HttpServer page;
    private HttpServer backend;
    private Process browser;
    private CompletableFuture<JsonNode> result;

    @TempDir
    Path profile;

    /** Chromium comes from Debian's package; on this project's machines (root, apt) the test installs it if missing. */
    @BeforeAll
    static void chromium() throws Exception {
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

    @BeforeEach
    void start() throws IOException {
        Path bundle = Path.of(System.getProperty("hexclave.it.browser-bundle"));
        assertThat(bundle).as("the page bundle (exec-maven-plugin: node build-browser.mjs)").exists();
        emu = HexclaveEmulator.builder().corsAllowedOrigins(List.of("http://127.0.0.1:*")).build().start();
        result = new CompletableFuture<>();
        backend = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        backend.createContext("/whoami", this::whoami);
        backend.start();
        page = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        page.createContext("/", ex -> send(ex, 200, "text/html",
                "<!doctype html><title>Hexclave SDK</title><pre id=\"out\"></pre>"
                        + "<script type=\"module\" src=\"/browser-flow.js\"></script>"));
        page.createContext("/browser-flow.js", ex -> send(ex, 200, "text/javascript", Files.readString(bundle)));
        page.createContext("/config.json", ex -> send(ex, 200, "application/json", JSON.writeValueAsString(java.util.Map.of(
                "baseUrl", emu.apiUrl(), "projectId", emu.projectId(), "publishableClientKey", emu.publishableClientKey(),
                "email", "browser-" + UUID.randomUUID() + "@example.com",
                "backendUrl", "http://127.0.0.1:" + backend.getAddress().getPort()))));
        page.createContext("/result", ex -> {
            result.complete(JSON.readTree(ex.getRequestBody().readAllBytes()));
            send(ex, 204, "text/plain", "");
        });
        page.start();
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (browser != null) {
            List<ProcessHandle> tree = new ArrayList<>(browser.descendants().toList());
            tree.add(browser.toHandle());
            tree.forEach(ProcessHandle::destroyForcibly);
            browser.waitFor(10, TimeUnit.SECONDS);
        }
        page.stop(0);
        backend.stop(0);
        emu.close();
    }

    /** The backend on a third origin: CORS for the page's origin, then the token checked as a backend does. */
    private void whoami(HttpExchange ex) throws IOException {
        String origin = ex.getRequestHeaders().getFirst("Origin");
        ex.getResponseHeaders().set("Access-Control-Allow-Origin", origin == null ? "null" : origin);
        ex.getResponseHeaders().set("Vary", "Origin");
        if (ex.getRequestMethod().equals("OPTIONS")) {
            ex.getResponseHeaders().set("Access-Control-Allow-Headers", "authorization");
            send(ex, 204, "text/plain", "");
            return;
        }
        String header = ex.getRequestHeaders().getFirst("Authorization");
        String prefix = "Bearer stackauth_";
        if (header == null || !header.startsWith(prefix)) {
            send(ex, 401, "text/plain", "no Hexclave authorization header");
            return;
        }
        try {
            JsonNode auth = JSON.readTree(Base64.getDecoder().decode(header.substring(prefix.length())));
            JwtClaims claims = new JwtConsumerBuilder()
                    .setVerificationKeyResolver(new HttpsJwksVerificationKeyResolver(new HttpsJwks(emu.jwksUrl())))
                    .setExpectedIssuer(emu.issuer(UserClass.NORMAL)).setExpectedAudience(emu.projectId())
                    .setRequireExpirationTime().build().processToClaims(auth.path("accessToken").asText());
            send(ex, 200, "application/json", JSON.writeValueAsString(java.util.Map.of("sub", claims.getSubject())));
        } catch (InvalidJwtException | org.jose4j.jwt.MalformedClaimException | IllegalArgumentException e) {
            send(ex, 401, "text/plain", "invalid token");
        }
    }

    private static void send(HttpExchange ex, int status, String type, String body) throws IOException {
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

    /** Opens the page in headless Chromium (no network beyond loopback) and waits for what it reports. */
    private JsonNode open(String host) throws Exception {
        String url = "http://" + host + ":" + page.getAddress().getPort() + "/";
        browser = new ProcessBuilder(CHROMIUM.toString(), "--headless=new", "--no-sandbox", "--disable-gpu",
                "--user-data-dir=" + profile, "--no-first-run", "--no-default-browser-check", "--disable-extensions",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-domain-reliability", "--disable-client-side-phishing-detection",
                "--proxy-server=http://127.0.0.1:9", url) // loopback bypasses the (dead) proxy; nothing else gets out
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return result.get(90, TimeUnit.SECONDS);
    }

    @Test
    void aPageOnAnAdmittedOriginSignsUpCallsItsBackendAndSignsOut() throws Exception {
        JsonNode r = open("127.0.0.1");
        assertThat(r.path("error").isMissingNode()).as(r.path("error").asText()).isTrue();
        assertThat(r.get("plainFetch").asInt()).isEqualTo(200);
        String userId = r.get("userId").asText();
        assertThat(emu.user(userId)).isPresent();
        assertThat(r.get("displayName").asText()).isEqualTo("Browser Ada");
        assertThat(r.get("backendStatus").asInt()).as(r.get("backendBody").asText()).isEqualTo(200);
        assertThat(JSON.readTree(r.get("backendBody").asText()).get("sub").asText()).isEqualTo(userId);
        assertThat(r.get("signedOut").asBoolean()).isTrue();
    }

    @Test
    void theBrowserBlocksAPageOnAnOriginTheEmulatorDoesNotAdmit() throws Exception {
        JsonNode r = open("localhost"); // the emulator admits http://127.0.0.1:* only here
        assertThat(r.get("origin").asText()).startsWith("http://localhost:");
        assertThat(r.get("plainFetch").asText()).isEqualTo("blocked");
        assertThat(emu.users()).isEmpty();
    }
}
