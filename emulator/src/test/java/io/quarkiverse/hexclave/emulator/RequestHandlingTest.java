package io.quarkiverse.hexclave.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Request handling mirrors the real backend: header aliasing, §2.3 check order, error formats, response headers. */
class RequestHandlingTest {

    private static HexclaveEmulator emu;
    private static EmulatorHttp http;
    private static EmulatedUser user;

    @BeforeAll
    static void start() {
        emu = HexclaveEmulator.builder().build().start();
        http = new EmulatorHttp(emu);
        user = emu.createUser(NewUser.withEmail("req@example.com").displayName("Req").build());
    }

    @AfterAll
    static void stop() {
        emu.close();
    }

    private static void assertKnownError(EmulatorHttp.Reply reply, int status, String code) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.code()).isEqualTo(code);
        assertThat(reply.header("x-hexclave-known-error")).isEqualTo(code);
        assertThat(reply.header("x-stack-known-error")).isEqualTo(code);
        assertThat(reply.header("content-type")).isEqualTo("application/json; charset=utf-8");
        assertThat(reply.json().path("error").asText()).isNotBlank();
    }

    @Test
    void serverAccessWithLegacyStackHeadersWorks() {
        EmulatorHttp.Reply reply = http.anonymous().header("x-stack-access-type", "server")
                .header("x-stack-project-id", emu.projectId()).header("x-stack-secret-server-key", emu.secretServerKey())
                .get("/users/" + user.id());
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().get("id").asText()).isEqualTo(user.id());
    }

    @Test
    void hexclaveHeaderWinsOverStackHeader() {
        EmulatorHttp.Reply reply = http.server().header("x-stack-secret-server-key", "ssk_wrong").get("/users/" + user.id());
        assertThat(reply.status()).isEqualTo(200);
        EmulatorHttp.Reply reverse = http.server().header("x-hexclave-secret-server-key", "ssk_wrong")
                .header("x-stack-secret-server-key", emu.secretServerKey()).get("/users/" + user.id());
        assertKnownError(reverse, 401, "INVALID_SECRET_SERVER_KEY");
    }

    @Test
    void lastRequestHeadersShowWhatWasSentWithSecretsMasked() {
        assertThat(emu.lastRequestHeaders("GET", "/api/v1/users/never-asked")).isEmpty();
        http.server().header("traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01")
                .get("/users/" + user.id());
        var headers = emu.lastRequestHeaders("GET", "/api/v1/users/" + user.id());
        assertThat(headers.get("traceparent")).containsExactly("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
        assertThat(headers.get("x-hexclave-secret-server-key")).containsExactly("****");
        assertThat(headers.get("x-hexclave-project-id")).containsExactly(emu.projectId());
        assertThat(headers.toString()).doesNotContain(emu.secretServerKey());
    }

    @Test
    void keyWithoutAccessTypeIsRejectedFirst() {
        assertKnownError(http.anonymous().header("x-hexclave-secret-server-key", emu.secretServerKey()).get("/users"),
                400, "PROJECT_KEY_WITHOUT_ACCESS_TYPE");
    }

    @Test
    void endpointNeedingAuthWithoutAccessTypeGetsAccessTypeRequired() {
        assertKnownError(http.anonymous().get("/users"), 400, "ACCESS_TYPE_REQUIRED");
    }

    @Test
    void unknownAccessTypeIsRejected() {
        assertKnownError(http.server().header("x-hexclave-access-type", "Server").get("/users"), 400, "INVALID_ACCESS_TYPE");
    }

    @Test
    void accessTypeWithoutProjectIdIsRejected() {
        EmulatorHttp.Reply reply = http.server().without("x-hexclave-project-id").get("/users");
        assertKnownError(reply, 400, "ACCESS_TYPE_WITHOUT_PROJECT_ID");
        assertThat(reply.json().get("details").get("request_type").asText()).isEqualTo("server");
    }

    @Test
    void accessTokenIsDecodedBeforeKeysAreChecked() {
        String expired = emu.token(user).expiresIn(Duration.ofSeconds(-5)).mint();
        EmulatorHttp.Reply reply = http.server().header("x-hexclave-secret-server-key", "ssk_wrong").accessToken(expired)
                .get("/users/" + user.id());
        assertKnownError(reply, 401, "ACCESS_TOKEN_EXPIRED");
        assertThat(reply.json().get("details").get("user_id").asText()).isEqualTo(user.id());
        assertThat(reply.json().get("details").get("expired_at_millis").asLong()).isPositive();
    }

    @Test
    void unknownProjectIsRejectedAfterTheToken() {
        EmulatorHttp.Reply reply = http.server().header("x-hexclave-project-id", "00000000-0000-0000-0000-000000000000")
                .get("/users");
        assertKnownError(reply, 400, "CURRENT_PROJECT_NOT_FOUND");
    }

    @Test
    void serverKeyMissingOrWrong() {
        assertKnownError(http.server().without("x-hexclave-secret-server-key").get("/users"), 401,
                "SERVER_AUTHENTICATION_REQUIRED");
        EmulatorHttp.Reply wrong = http.server().header("x-hexclave-secret-server-key", "ssk_wrong").get("/users");
        assertKnownError(wrong, 401, "INVALID_SECRET_SERVER_KEY");
        assertThat(wrong.body()).doesNotContain("ssk_wrong").doesNotContain(emu.secretServerKey());
    }

    @Test
    void publishableKeyMissingOrWrong() {
        String jwt = emu.mintAccessToken(user);
        assertKnownError(http.client().without("x-hexclave-publishable-client-key").accessToken(jwt).get("/users/me"), 401,
                "PUBLISHABLE_CLIENT_KEY_REQUIRED_FOR_PROJECT");
        assertKnownError(http.client().header("x-hexclave-publishable-client-key", "pck_wrong").accessToken(jwt)
                .get("/users/me"), 401, "INVALID_PUBLISHABLE_CLIENT_KEY");
        // the server key is ignored for client access
        assertThat(http.client().header("x-hexclave-secret-server-key", "whatever").accessToken(jwt).get("/users/me").status())
                .isEqualTo(200);
    }

    @Test
    void publishableKeyIsOptionalWhenTheProjectSaysSo() {
        try (HexclaveEmulator lax = HexclaveEmulator.builder().requirePublishableClientKey(false).build().start()) {
            EmulatedUser u = lax.createUser(NewUser.withEmail("lax@example.com").build());
            EmulatorHttp h = new EmulatorHttp(lax);
            assertThat(h.client().without("x-hexclave-publishable-client-key").accessToken(lax.mintAccessToken(u))
                    .get("/users/me").status()).isEqualTo(200);
            assertKnownError(h.client().header("x-hexclave-publishable-client-key", "pck_wrong")
                    .accessToken(lax.mintAccessToken(u)).get("/users/me"), 401, "INVALID_PUBLISHABLE_CLIENT_KEY");
        }
    }

    @Test
    void adminAccessCannotAuthenticate() {
        assertKnownError(http.server().header("x-hexclave-access-type", "admin").get("/users"), 401,
                "ADMIN_AUTHENTICATION_REQUIRED");
        assertKnownError(http.server().header("x-hexclave-access-type", "admin")
                .header("x-hexclave-super-secret-admin-key", "sak_x").get("/users"), 401, "INVALID_SUPER_SECRET_ADMIN_KEY");
    }

    @Test
    void onlyTheMainBranchExists() {
        assertThat(http.server().header("x-hexclave-branch-id", "main").get("/users").status()).isEqualTo(200);
        assertKnownError(http.server().header("x-hexclave-branch-id", "dev").get("/users"), 400, "BRANCH_DOES_NOT_EXIST");
    }

    @Test
    void clientAccessOnAServerEndpointGetsInsufficientAccessType() {
        EmulatorHttp.Reply reply = http.client().get("/users");
        assertKnownError(reply, 401, "INSUFFICIENT_ACCESS_TYPE");
        assertThat(reply.json().get("details").get("actual_access_type").asText()).isEqualTo("client");
        assertThat(EmulatorHttp.texts(reply.json().get("details").get("allowed_access_types"), "x")).hasSize(2);
    }

    @Test
    void everyResponseCarriesDualRequestIdsAndNoStore() {
        EmulatorHttp.Reply ok = http.server().get("/users");
        EmulatorHttp.Reply error = http.anonymous().get("/users");
        for (EmulatorHttp.Reply r : new EmulatorHttp.Reply[] { ok, error }) {
            assertThat(r.header("x-hexclave-request-id")).isNotBlank().isEqualTo(r.header("x-stack-request-id"));
            assertThat(r.header("cache-control")).isEqualTo("no-store, max-age=0");
        }
        assertThat(ok.header("x-hexclave-request-id")).isNotEqualTo(error.header("x-hexclave-request-id"));
        assertThat(ok.header("x-hexclave-known-error")).isNull();
    }

    @Test
    void overrideErrorStatusTurns4xxInto200WithTheActualStatus() {
        EmulatorHttp.Reply reply = http.server().unvalidated().header("x-hexclave-override-error-status", "true")
                .get("/users/00000000-0000-4000-8000-000000000000");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("x-hexclave-actual-status")).isEqualTo("404");
        assertThat(reply.header("x-stack-actual-status")).isEqualTo("404");
        assertThat(reply.code()).isEqualTo("USER_NOT_FOUND");
        assertThat(reply.header("x-hexclave-known-error")).isEqualTo("USER_NOT_FOUND");
        EmulatorHttp.Reply ok = http.server().header("x-stack-override-error-status", "x").get("/users");
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.header("x-hexclave-actual-status")).isNull();
    }

    @Test
    void unknownBodyPropertiesAndQueryParametersAreSchemaErrors() {
        EmulatorHttp.Reply body = http.server().post("/users", "{\"display_name\":\"x\",\"nickname\":\"y\"}");
        assertKnownError(body, 400, "SCHEMA_ERROR");
        assertThat(body.json().get("error").asText()).contains("nickname");
        assertThat(body.json().get("details").get("message").asText()).contains("nickname");
        assertKnownError(http.server().get("/users?nonce=1"), 400, "SCHEMA_ERROR");
        assertKnownError(http.server().get("/users/" + user.id() + "?x=1"), 400, "SCHEMA_ERROR");
    }

    @Test
    void malformedJsonIsABodyParsingError() {
        assertKnownError(http.server().post("/users", "{\"display_name\":"), 400, "BODY_PARSING_ERROR");
        assertKnownError(http.server().post("/users", "[1,2]"), 400, "SCHEMA_ERROR");
        assertKnownError(http.server().post("/users", "{\"display_name\":5}"), 400, "SCHEMA_ERROR");
    }

    @Test
    void unknownPathsAndMethodsGetPlainTextErrors() {
        EmulatorHttp.Reply notFound = http.server().unvalidated().get("/nothing-here");
        assertThat(notFound.status()).isEqualTo(404);
        assertThat(notFound.header("content-type")).startsWith("text/plain");
        EmulatorHttp.Reply put = http.server().send("PUT", "/users", "{}");
        assertThat(put.status()).isEqualTo(405);
        assertThat(put.body()).isEqualTo("Method not allowed");
        assertThat(http.server().unvalidated().send("TRACE", "/users", null).status()).isEqualTo(405);
    }

    @Test
    void nonCanonicalPathsAreRedirectedWith308() {
        EmulatorHttp.Reply trailing = http.server().get("/users/?limit=1");
        assertThat(trailing.status()).isEqualTo(308);
        assertThat(trailing.header("location")).isEqualTo("/api/v1/users?limit=1");
        EmulatorHttp.Reply doubled = http.server().unvalidated().get("/api/v1//users");
        assertThat(doubled.status()).isEqualTo(308);
        assertThat(doubled.header("location")).isEqualTo("/api/v1/users");
    }

    @Test
    void welcomeTextDescribesTheAuthentication() {
        EmulatorHttp.Reply none = http.anonymous().get("/api/v1");
        assertThat(none.status()).isEqualTo(200);
        assertThat(none.header("content-type")).startsWith("text/plain");
        assertThat(none.body()).endsWith("Authentication: None");
        EmulatorHttp.Reply server = http.server().accessToken(emu.mintAccessToken(user)).get("/api/v1");
        assertThat(server.body()).contains("Authentication: Server").contains(emu.projectId()).contains("req@example.com")
                .doesNotContain(emu.secretServerKey());
        assertKnownError(http.server().header("x-hexclave-secret-server-key", "bad").get("/api/v1"), 401,
                "INVALID_SECRET_SERVER_KEY");
    }

    @Test
    void healthAnswersOk() {
        EmulatorHttp.Reply reply = http.anonymous().get("/health");
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).isEqualTo("OK");
    }

    @Test
    void headRequestsGetHeadersOnly() {
        EmulatorHttp.Reply reply = http.server().unvalidated().send("HEAD", "/users", null);
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).isEmpty();
    }

    private static java.net.http.HttpResponse<String> postRaw(byte[] body, String encoding) throws Exception {
        java.net.http.HttpRequest.Builder b = java.net.http.HttpRequest.newBuilder(java.net.URI.create(emu.apiUrl() + "/api/v1/users"))
                .header("x-hexclave-access-type", "server").header("x-hexclave-project-id", emu.projectId())
                .header("x-hexclave-secret-server-key", emu.secretServerKey()).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body));
        if (encoding != null) {
            b.header("Content-Encoding", encoding);
        }
        return java.net.http.HttpClient.newHttpClient().send(b.build(), java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void gzipAndDeflateBodiesAreDecoded() throws Exception {
        byte[] json = "{\"display_name\":\"Zipped\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        java.io.ByteArrayOutputStream gz = new java.io.ByteArrayOutputStream();
        try (var out = new java.util.zip.GZIPOutputStream(gz)) {
            out.write(json);
        }
        var gzipped = postRaw(gz.toByteArray(), "gzip");
        assertThat(gzipped.statusCode()).isEqualTo(201);
        assertThat(gzipped.body()).contains("Zipped");
        java.io.ByteArrayOutputStream zl = new java.io.ByteArrayOutputStream();
        try (var out = new java.util.zip.DeflaterOutputStream(zl)) {
            out.write(json);
        }
        assertThat(postRaw(zl.toByteArray(), "deflate").statusCode()).isEqualTo(201);
        var broken = postRaw(json, "gzip");
        assertThat(broken.statusCode()).isEqualTo(400);
        assertThat(broken.body()).contains("BODY_PARSING_ERROR");
    }

    @Test
    void bodiesOverEightMebibytesGet413() throws Exception {
        byte[] huge = new byte[8 * 1024 * 1024 + 10];
        java.util.Arrays.fill(huge, (byte) ' ');
        var reply = postRaw(huge, null);
        assertThat(reply.statusCode()).isEqualTo(413);
        assertThat(reply.body()).isEqualTo("Request body too large");
    }
}
