package io.quarkiverse.hexclave.it.frontend;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.jose4j.jwk.HttpsJwks;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.HttpsJwksVerificationKeyResolver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkiverse.hexclave.emulator.HexclaveEmulator;
import io.quarkiverse.hexclave.emulator.MovableClock;
import io.quarkiverse.hexclave.emulator.VerificationCode;

/**
 * The official JS SDK, {@code @stackframe/js} 2.8.108 from npm (installed by {@code npm ci} in the build), run by the
 * machine's Node against the emulator as a frontend uses it: project, password sign-up, sign-out, sign-in, current
 * user read and update, {@code getAuthorizationHeader()} and {@code getAccessToken()} (verified here against the
 * emulator's JWKS as a backend would), refresh after expiry (the emulator's clock moved past {@code exp}), sign-out,
 * and e-mail code sign-in with the code read through the emulator's Java API. {@code src/test/js/sdk-flow.mjs} reports
 * each step on stdout and waits for this test's answer on stdin.
 */
class StackframeJsSdkTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SCRIPT_DIR = Path.of("src", "test", "js");

    private final MovableClock clock = new MovableClock();
    private HexclaveEmulator emu;
    private Process node;
    private BufferedReader steps;
    private Writer replies;

    @BeforeEach
    void start() throws IOException {
        assertThat(SCRIPT_DIR.resolve("node_modules/@stackframe/js/package.json"))
                .as("npm ci ran in " + SCRIPT_DIR + " (exec-maven-plugin, generate-test-resources)").exists();
        emu = HexclaveEmulator.builder().clock(clock).build().start();
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (node != null && node.isAlive()) {
            ProcessHandle.of(node.pid()).ifPresent(ProcessHandle::destroyForcibly);
            node.waitFor(10, TimeUnit.SECONDS);
        }
        emu.close();
    }

    private JsonNode next(String expected) throws IOException {
        String line = steps.readLine();
        assertThat(line).as("node ended before step " + expected).isNotNull();
        JsonNode step = JSON.readTree(line);
        assertThat(step.path("step").asText()).as(step.path("message").asText(line)).isEqualTo(expected);
        return step;
    }

    private void reply(String json) throws IOException {
        replies.write(json + "\n");
        replies.flush();
    }

    /** Verifies a token as a backend does: ES256 by a key of the emulator's JWKS, issuer, audience, expiry. */
    private JwtClaims verify(String jwt) throws Exception {
        HttpsJwks jwks = new HttpsJwks(emu.jwksUrl());
        JwtConsumer consumer = new JwtConsumerBuilder()
                .setVerificationKeyResolver(new HttpsJwksVerificationKeyResolver(jwks))
                .setJwsAlgorithmConstraints(org.jose4j.jwa.AlgorithmConstraints.ConstraintType.PERMIT, "ES256")
                .setExpectedIssuer(emu.issuer(io.quarkiverse.hexclave.emulator.UserClass.NORMAL))
                .setExpectedAudience(emu.projectId())
                .setRequireExpirationTime().setRequireSubject()
                .setEvaluationTime(NumericDate.fromMilliseconds(clock.millis()))
                .build();
        return consumer.processToClaims(jwt);
    }

    @Test
    void theOfficialSdkSignsUpSignsInRefreshesAndSignsOut() throws Exception {
        String email = "sdk-" + UUID.randomUUID() + "@example.com";
        ProcessBuilder pb = new ProcessBuilder("node", "sdk-flow.mjs").directory(SCRIPT_DIR.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        pb.environment().put("HEXCLAVE_API_URL", emu.apiUrl());
        pb.environment().put("HEXCLAVE_PROJECT_ID", emu.projectId());
        pb.environment().put("HEXCLAVE_PUBLISHABLE_CLIENT_KEY", emu.publishableClientKey());
        pb.environment().put("HEXCLAVE_TEST_EMAIL", email);
        node = pb.start();
        steps = new BufferedReader(new InputStreamReader(node.getInputStream(), StandardCharsets.UTF_8));
        replies = new OutputStreamWriter(node.getOutputStream(), StandardCharsets.UTF_8);

        JsonNode project = next("project");
        assertThat(project.get("id").asText()).isEqualTo(emu.projectId());
        assertThat(project.get("credentialEnabled").asBoolean()).isTrue();
        reply("{}");

        JsonNode signedUp = next("signed-up");
        String userId = signedUp.get("userId").asText();
        assertThat(emu.user(userId).orElseThrow().primaryEmail()).isEqualTo(email);
        reply("{}");

        JsonNode signedIn = next("signed-in");
        assertThat(signedIn.get("userId").asText()).isEqualTo(userId);
        assertThat(signedIn.get("displayName").asText()).isEqualTo("Ada Lovelace");
        assertThat(signedIn.get("clientMetadata").get("theme").asText()).isEqualTo("dark");
        assertThat(emu.user(userId).orElseThrow().displayName()).isEqualTo("Ada Lovelace");
        String accessToken = signedIn.get("accessToken").asText();
        JwtClaims claims = verify(accessToken);
        assertThat(claims.getSubject()).isEqualTo(userId);
        assertThat(claims.getClaimValueAsString("email")).isEqualTo(email);
        // getAuthorizationHeader(): "Bearer stackauth_" + base64(JSON {accessToken, refreshToken}), what a backend receives
        String header = signedIn.get("authorizationHeader").asText();
        assertThat(header).startsWith("Bearer stackauth_");
        JsonNode authJson = JSON.readTree(Base64.getDecoder().decode(header.substring("Bearer stackauth_".length())));
        assertThat(authJson.get("accessToken").asText()).isEqualTo(accessToken);
        String refreshToken = authJson.get("refreshToken").asText();
        assertThat(refreshToken).isNotBlank();

        clock.advance(Duration.ofMinutes(11)); // past exp: the emulator now answers ACCESS_TOKEN_EXPIRED to it
        reply("{}");

        JsonNode refreshed = next("refreshed");
        String fresh = refreshed.get("accessToken").asText();
        assertThat(fresh).isNotEqualTo(accessToken);
        JwtClaims freshClaims = verify(fresh);
        assertThat(freshClaims.getSubject()).isEqualTo(userId);
        assertThat(freshClaims.getIssuedAt().getValueInMillis()).isGreaterThanOrEqualTo(clock.millis() - 60_000);
        assertThat(refreshed.get("clientMetadata").get("theme").asText()).isEqualTo("light");
        reply("{}");

        next("signed-out");
        HttpResponse<String> refreshAfterSignOut = HttpClient.newHttpClient().send(HttpRequest
                .newBuilder(URI.create(emu.apiUrl() + "/api/v1/auth/sessions/current/refresh"))
                .header("x-hexclave-access-type", "client").header("x-hexclave-project-id", emu.projectId())
                .header("x-hexclave-publishable-client-key", emu.publishableClientKey())
                .header("x-hexclave-refresh-token", refreshToken).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(refreshAfterSignOut.statusCode()).as("the SDK's sign-out revoked its session").isEqualTo(401);
        reply("{}");

        JsonNode sent = next("code-sent");
        VerificationCode code = emu.pendingCode(VerificationCode.Purpose.SIGN_IN, email).orElseThrow();
        assertThat(code.link()).startsWith("http://localhost:5173/handler/magic-link-callback");
        reply("{\"code\":\"" + code.otp() + sent.get("nonce").asText() + "\"}"); // what a user types, then the nonce

        JsonNode byCode = next("signed-in-by-code");
        assertThat(byCode.get("userId").asText()).isEqualTo(userId);
        assertThat(byCode.get("displayName").asText()).isEqualTo("Ada Lovelace");
        reply("{}");

        next("done");
        reply("{}");
        assertThat(node.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(node.exitValue()).isZero();
    }
}
