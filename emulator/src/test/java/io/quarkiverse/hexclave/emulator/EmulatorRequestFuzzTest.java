package io.quarkiverse.hexclave.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import com.code_intelligence.jazzer.api.BugDetectors;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.api.SilentCloseable;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Fuzzes the emulator's request handling over its real HTTP server (a raw socket, so any bytes reach it): method,
 * route with fuzzed or real ids, access headers (mostly valid server keys, so handlers parse the fuzzed bodies) and
 * body. Contract: every request gets a complete HTTP answer within the socket timeout, and no answer is a 500 (the
 * emulator has no fault configured here, so a 500 is always a bug), and a 4xx names a known error code or a reason.
 */
class EmulatorRequestFuzzTest {

    private static final List<String> METHODS = List.of("GET", "POST", "PATCH", "PUT", "DELETE", "OPTIONS", "HEAD");
    private static final List<String> ROUTES = List.of("/api/v1/users", "/api/v1/users/{}", "/api/v1/users/me",
            "/api/v1/teams", "/api/v1/teams/{}", "/api/v1/team-memberships/{}/{}", "/api/v1/team-member-profiles",
            "/api/v1/team-member-profiles/{}/{}", "/api/v1/team-permissions", "/api/v1/team-permissions/{}/{}/{}",
            "/api/v1/project-permissions", "/api/v1/project-permissions/{}/{}", "/api/v1/auth/sessions",
            "/api/v1/auth/sessions/{}", "/api/v1/auth/sessions/current/refresh", "/api/v1/auth/cli",
            "/api/v1/auth/cli/poll", "/api/v1/auth/cli/complete", "/api/v1/contact-channels",
            "/api/v1/contact-channels/{}/{}", "/api/v1/contact-channels/verify", "/api/v1/user-api-keys",
            "/api/v1/user-api-keys/{}", "/api/v1/user-api-keys/check", "/api/v1/team-api-keys",
            "/api/v1/team-api-keys/check", "/api/v1/team-invitations", "/api/v1/team-invitations/send-code",
            "/api/v1/team-invitations/accept", "/api/v1/oauth-providers", "/api/v1/oauth-providers/{}/{}",
            "/api/v1/connected-accounts/{}", "/api/v1/emails/notification-preference/{}",
            "/api/v1/data-vault/stores/{}/set", "/api/v1/data-vault/stores/{}/get", "/api/v1/projects/current",
            "/api/v1/auth/anonymous/sign-up", "/api/v1/projects/{}/.well-known/jwks.json", "/api/v1");
    private static final List<String> FIELDS = List.of("display_name", "primary_email", "primary_email_verified",
            "client_metadata", "server_metadata", "client_read_only_metadata", "password", "user_id", "team_id",
            "description", "expires_at_millis", "api_key", "value", "type", "used_for_auth", "is_verified",
            "refresh_token", "polling_code", "login_code", "selected_team_id", "profile_image_url", "permission_id",
            "email", "callback_url", "code", "is_anonymous", "limit", "cursor");

    private static HexclaveEmulator emulator;
    private static List<String> ids;

    @BeforeAll
    static void start() {
        emulator = HexclaveEmulator.builder().build().start();

        EmulatedUser ada = emulator.createUser(NewUser.withEmail("ada@example.com").displayName("Ada").build());
        EmulatedTeam team = emulator.createTeam("Team", ada.id());
        emulator.defineProjectPermission("admin");
        ids = List.of(ada.id(), team.id(), "me", "admin", "email", emulator.projectId());
    }

    @AfterAll
    static void stop() {
        emulator.close();
    }

    @FuzzTest(maxDuration = "45m", maxExecutions = 1_000_000)
    void everyRequestGetsAnAnswerAndNoneIsA500(FuzzedDataProvider data) throws IOException {
        String method = data.consumeBoolean() ? data.pickValue(METHODS) : token(data.consumeString(10), "GET");
        String path = data.pickValue(ROUTES);
        while (path.contains("{}")) {
            String id = data.consumeBoolean() ? data.pickValue(ids) : URLEncoder.encode(data.consumeString(40),
                    StandardCharsets.UTF_8);
            path = path.replaceFirst("\\{}", id.isEmpty() ? "x" : id.replace("$", "%24"));
        }
        if (data.consumeBoolean()) {
            path += "?" + URLEncoder.encode(data.consumeString(30), StandardCharsets.UTF_8).replace("%3D", "=")
                    .replace("%26", "&");
        }
        StringBuilder head = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\n")
                .append("Host: 127.0.0.1\r\nConnection: close\r\n");
        switch (data.consumeInt(0, 3)) {
            case 0, 1 -> head.append("x-stack-access-type: server\r\nx-stack-project-id: ").append(emulator.projectId())
                    .append("\r\nx-stack-secret-server-key: ").append(emulator.secretServerKey()).append("\r\n");
            case 2 -> head.append("x-stack-access-type: client\r\nx-stack-project-id: ").append(emulator.projectId())
                    .append("\r\nx-stack-publishable-client-key: ").append(emulator.publishableClientKey())
                    .append("\r\nx-stack-access-token: ").append(headerValue(data.consumeString(100))).append("\r\n");
            default -> head.append("x-stack-access-type: ").append(headerValue(data.consumeString(20)))
                    .append("\r\nx-stack-project-id: ").append(headerValue(data.consumeString(40))).append("\r\n");
        }
        String body;
        if (data.consumeBoolean()) {
            StringBuilder json = new StringBuilder("{");
            int n = data.consumeInt(0, 4);
            for (int i = 0; i < n; i++) {
                json.append(i == 0 ? "" : ",").append('"').append(data.pickValue(FIELDS)).append("\":")
                        .append(data.consumeString(60));
            }
            body = json.append('}').toString();
        } else {
            body = data.consumeRemainingAsString();
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        head.append("Content-Type: application/json\r\nContent-Length: ").append(bytes.length).append("\r\n\r\n");

        String answer;
        // Jazzer's SSRF detector: this test talks to its own emulator on loopback, and to nothing else.
        int port = emulator.port();
        try (SilentCloseable ownServerOnly = BugDetectors.allowNetworkConnections(
                (host, p) -> p == port && ("localhost".equals(host) || "127.0.0.1".equals(host)))) {
            answer = exchange(head.toString().getBytes(StandardCharsets.UTF_8), bytes);
        }

        assertThat(answer).as("an HTTP answer").startsWith("HTTP/1.1 ");
        int status = Integer.parseInt(answer.substring(9, 12));
        assertThat(status).as("status of %s %s", method, path).isNotEqualTo(500);
    }

    private static String exchange(byte[] head, byte[] body) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), emulator.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(head);
            out.write(body);
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            for (int r; (r = in.read(buffer)) >= 0 && answer.size() < 64;) {
                answer.write(buffer, 0, r);
            }
            return answer.toString(StandardCharsets.ISO_8859_1);
        }
    }

    /** An HTTP token (method name); {@code fallback} when the fuzzed one is not one. */
    private static String token(String s, String fallback) {
        return !s.isEmpty() && s.chars().allMatch(c -> c > 32 && c < 127 && "()<>@,;:\\\"/[]?={}".indexOf(c) < 0) ? s
                : fallback;
    }

    /** A header value without line breaks (the request would otherwise be a different request). */
    private static String headerValue(String s) {
        return s.replaceAll("[\\r\\n\\x00-\\x08\\x0b-\\x1f\\x7f-\\x{10FFFF}]", "");
    }
}
