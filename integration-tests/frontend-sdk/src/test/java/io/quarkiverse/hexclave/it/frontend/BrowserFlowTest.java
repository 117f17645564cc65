package io.quarkiverse.hexclave.it.frontend;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.jose4j.jwk.HttpsJwks;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.HttpsJwksVerificationKeyResolver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.quarkiverse.hexclave.emulator.HexclaveEmulator;
import io.quarkiverse.hexclave.emulator.MovableClock;
import io.quarkiverse.hexclave.emulator.UserClass;

/**
 * The JS SDK in a real browser (headless Chromium), where CORS is enforced, against an emulator that admits
 * {@code http://127.0.0.1:*} only: a page on that origin signs up against the emulator on a second origin and calls a
 * stand-in backend on a third with {@code getAuthorizationHeader()} (the token checked against the emulator's JWKS),
 * refreshes after the emulator's clock passed the token's expiry (the OAuth token endpoint, cross-origin), signs out;
 * the same page on {@code http://localhost:*} is blocked by the browser. {@link QuarkusEndpointBrowserTest} runs the
 * flow against a Quarkus endpoint and Dev Services.
 */
class BrowserFlowTest {

    private final MovableClock clock = new MovableClock();
    private HexclaveEmulator emu;
    private HttpServer backend;
    private BrowserPage page;

    @BeforeAll
    static void chromium() throws Exception {
        BrowserPage.requireChromium();
    }

    @BeforeEach
    void start() throws IOException {
        emu = HexclaveEmulator.builder().clock(clock).corsAllowedOrigins(List.of("http://127.0.0.1:*")).build().start();
        backend = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        backend.createContext("/whoami", this::whoami);
        backend.start();
        page = new BrowserPage(Map.of("baseUrl", emu.apiUrl(), "projectId", emu.projectId(),
                "publishableClientKey", emu.publishableClientKey(), "email", "browser-" + UUID.randomUUID() + "@example.com",
                "backendUrl", "http://127.0.0.1:" + backend.getAddress().getPort(), "checkpoint", "true"),
                () -> clock.advance(Duration.ofMinutes(11)));
    }

    @AfterEach
    void stop() throws Exception {
        page.close();
        backend.stop(0);
        emu.close();
    }

    /** The stand-in backend: CORS for the page's origin, then the token checked as a backend does. */
    private void whoami(HttpExchange ex) throws IOException {
        String origin = ex.getRequestHeaders().getFirst("Origin");
        ex.getResponseHeaders().set("Access-Control-Allow-Origin", origin == null ? "null" : origin);
        ex.getResponseHeaders().set("Vary", "Origin");
        if (ex.getRequestMethod().equals("OPTIONS")) {
            ex.getResponseHeaders().set("Access-Control-Allow-Headers", "authorization");
            BrowserPage.send(ex, 204, "text/plain", "");
            return;
        }
        String header = ex.getRequestHeaders().getFirst("Authorization");
        String prefix = "Bearer stackauth_";
        if (header == null || !header.startsWith(prefix)) {
            BrowserPage.send(ex, 401, "text/plain", "no Hexclave authorization header");
            return;
        }
        try {
            JsonNode auth = BrowserPage.JSON.readTree(Base64.getDecoder().decode(header.substring(prefix.length())));
            JwtClaims claims = new JwtConsumerBuilder()
                    .setVerificationKeyResolver(new HttpsJwksVerificationKeyResolver(new HttpsJwks(emu.jwksUrl())))
                    .setExpectedIssuer(emu.issuer(UserClass.NORMAL)).setExpectedAudience(emu.projectId())
                    .setRequireExpirationTime().build().processToClaims(auth.path("accessToken").asText());
            BrowserPage.send(ex, 200, "application/json", BrowserPage.JSON.writeValueAsString(Map.of("sub", claims.getSubject())));
        } catch (InvalidJwtException | org.jose4j.jwt.MalformedClaimException | IllegalArgumentException e) {
            BrowserPage.send(ex, 401, "text/plain", "invalid token");
        }
    }

    @Test
    void aPageOnAnAdmittedOriginSignsUpCallsItsBackendAndSignsOut() throws Exception {
        JsonNode r = page.open("127.0.0.1");
        assertThat(r.path("error").isMissingNode()).as(r.path("error").asText()).isTrue();
        assertThat(r.get("plainFetch").asInt()).isEqualTo(200);
        String userId = r.get("userId").asText();
        assertThat(emu.user(userId)).isPresent();
        assertThat(r.get("displayName").asText()).isEqualTo("Browser Ada");
        assertThat(r.get("backendStatus").asInt()).as(r.get("backendBody").asText()).isEqualTo(200);
        assertThat(BrowserPage.JSON.readTree(r.get("backendBody").asText()).get("sub").asText()).isEqualTo(userId);
        assertThat(r.get("refreshed").asBoolean()).as("a new access token after the clock passed exp").isTrue();
        assertThat(r.get("backendAfterRefresh").asInt()).isEqualTo(200);
        assertThat(r.get("signedOut").asBoolean()).isTrue();
    }

    @Test
    void theBrowserBlocksAPageOnAnOriginTheEmulatorDoesNotAdmit() throws Exception {
        JsonNode r = page.open("localhost");
        assertThat(r.get("origin").asText()).startsWith("http://localhost:");
        assertThat(r.get("plainFetch").asText()).isEqualTo("blocked");
        assertThat(emu.users()).isEmpty();
    }
}
