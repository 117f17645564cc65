package io.quarkiverse.hexclave.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;

/** The JWKS endpoint behaves as wire reference §3.4 describes. */
class JwksEndpointTest {

    private static HexclaveEmulator emu;
    private static EmulatorHttp http;
    private static String path;

    @BeforeAll
    static void start() {
        emu = HexclaveEmulator.builder().jwksMaxAge(Duration.ofSeconds(1234)).build().start();
        http = new EmulatorHttp(emu);
        path = "/api/v1/projects/" + emu.projectId() + "/.well-known/jwks.json";
    }

    @AfterAll
    static void stop() {
        emu.close();
    }

    @Test
    void defaultJwksHasTheTwoNormalKeysWithPublicMembersOnly() {
        EmulatorHttp.Reply reply = http.anonymous().get(path);
        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("content-type")).isEqualTo("application/json; charset=utf-8");
        JsonNode keys = reply.json().get("keys");
        assertThat(reply.json().size()).isEqualTo(1);
        assertThat(keys).hasSize(2);
        for (JsonNode key : keys) {
            assertThat(EmulatorHttp.JSON.convertValue(key, java.util.Map.class).keySet())
                    .containsExactlyInAnyOrder("kty", "alg", "crv", "x", "y", "kid");
            assertThat(key.get("kty").asText()).isEqualTo("EC");
            assertThat(key.get("alg").asText()).isEqualTo("ES256");
            assertThat(key.get("crv").asText()).isEqualTo("P-256");
            assertThat(java.util.Base64.getUrlDecoder().decode(key.get("x").asText())).hasSize(32);
            assertThat(java.util.Base64.getUrlDecoder().decode(key.get("y").asText())).hasSize(32);
        }
    }

    @Test
    void restrictedAndAnonymousKeysAreAddedInClassOrder() {
        List<String> normal = EmulatorHttp.texts(http.anonymous().get(path).json().get("keys"), "kid");
        List<String> restricted = EmulatorHttp.texts(http.anonymous().get(path + "?include_restricted=true").json().get("keys"), "kid");
        List<String> anonymous = EmulatorHttp.texts(http.anonymous().get(path + "?include_anonymous=true").json().get("keys"), "kid");
        List<String> explicitFalse = EmulatorHttp.texts(
                http.anonymous().get(path + "?include_restricted=false&include_anonymous=false").json().get("keys"), "kid");
        assertThat(restricted).hasSize(4).startsWith(normal.toArray(String[]::new));
        assertThat(anonymous).hasSize(6).startsWith(restricted.toArray(String[]::new));
        assertThat(explicitFalse).isEqualTo(normal);
        assertThat(anonymous).doesNotHaveDuplicates();
    }

    @Test
    void cacheControlIsPublicWithTheConfiguredMaxAge() {
        assertThat(http.anonymous().get(path).header("cache-control")).isEqualTo("public, max-age=1234");
    }

    @ParameterizedTest
    @ValueSource(strings = { "?include_restricted=TRUE", "?include_anonymous=1", "?include_anonymous=", "?nonce=1",
            "?include_restricted=true&include_restricted=true" })
    void nonLiteralFlagsAndUnknownParametersGet400SchemaError(String query) {
        EmulatorHttp.Reply reply = http.anonymous().get(path + query);
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.code()).isEqualTo("SCHEMA_ERROR");
        assertThat(reply.header("x-hexclave-known-error")).isEqualTo("SCHEMA_ERROR");
        assertThat(reply.header("x-stack-known-error")).isEqualTo("SCHEMA_ERROR");
    }

    @Test
    void unknownProjectGets404PlainText() {
        EmulatorHttp.Reply reply = http.anonymous().get("/api/v1/projects/nope/.well-known/jwks.json");
        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.header("content-type")).startsWith("text/plain");
        assertThat(reply.body()).isEqualTo("Project not found");
        assertThat(reply.header("x-hexclave-known-error")).isNull();
    }

    @Test
    void anonymousUsersAliasRedirectsWithIncludeAnonymous() throws Exception {
        String alias = "/api/v1/projects-anonymous-users/" + emu.projectId() + "/.well-known/jwks.json";
        EmulatorHttp.Reply reply = http.anonymous().get(alias);
        assertThat(reply.status()).isEqualTo(307);
        assertThat(reply.header("location")).isEqualTo(path + "?include_anonymous=true");
        // iss + "/.well-known/jwks.json" of an anonymous token resolves to all six keys
        String iss = emu.issuer(UserClass.ANONYMOUS);
        HttpClient following = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL).build();
        HttpResponse<String> followed = following.send(HttpRequest.newBuilder(URI.create(iss + "/.well-known/jwks.json")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(EmulatorHttp.JSON.readTree(followed.body()).get("keys")).hasSize(6);
    }

    @Test
    void jwksJsonOfTheJavaApiEqualsTheServedDocument() throws Exception {
        assertThat(EmulatorHttp.JSON.readTree(emu.jwksJson(true, true)))
                .isEqualTo(http.anonymous().get(path + "?include_anonymous=true").json());
    }

    @Test
    void jwksNeedsNoHeadersAndIgnoresBadOnes() {
        EmulatorHttp.Reply reply = http.anonymous().header("x-hexclave-access-type", "bogus").get(path);
        assertThat(reply.status()).isEqualTo(200);
    }
}
