package io.quarkiverse.hexclave.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.BiFunction;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Each {@link TokenBuilder} knob changes exactly one thing, and the emulator's own token decoding (what the real
 * backend does with {@code x-*-access-token}) answers as Hexclave would. The genuine token is the positive control.
 */
class HostileTokensTest {

    private static HexclaveEmulator emu;
    private static EmulatorHttp http;
    private static EmulatedUser user;

    /** One vector per line: how to break the token, and the backend's answer (status, code; 200 = accepted). */
    enum Vector {
        GENUINE((e, b) -> b, 200, null),
        EXPIRED((e, b) -> b.expiresIn(Duration.ofSeconds(-5)), 401, "ACCESS_TOKEN_EXPIRED"),
        FOREIGN_KEY((e, b) -> b.signWithForeignKey(), 401, "UNPARSABLE_ACCESS_TOKEN"),
        UNKNOWN_KID((e, b) -> b.kid("unknown-kid1"), 401, "UNPARSABLE_ACCESS_TOKEN"),
        ALG_HS256((e, b) -> b.algorithm("HS256"), 401, "UNPARSABLE_ACCESS_TOKEN"),
        ALG_NONE((e, b) -> b.algorithm("none"), 401, "UNPARSABLE_ACCESS_TOKEN"),
        ALG_RS256_NAME((e, b) -> b.algorithm("RS256"), 401, "UNPARSABLE_ACCESS_TOKEN"),
        WRONG_ISSUER((e, b) -> b.issuer("https://evil.example/api/v1/projects/" + e.projectId()), 401, "UNPARSABLE_ACCESS_TOKEN"),
        UNACCEPTED_ISSUER_ORIGIN((e, b) -> b.issuerOrigin("https://api.stack-auth.com"), 401, "UNPARSABLE_ACCESS_TOKEN"),
        OTHER_PROJECT((e, b) -> b.audience("other-project").issuer(e.apiUrl() + "/api/v1/projects/other-project"), 401,
                "INVALID_PROJECT_FOR_ACCESS_TOKEN"),
        AUDIENCE_ARRAY((e, b) -> b.claim("aud", List.of(e.projectId())), 401, "UNPARSABLE_ACCESS_TOKEN"),
        RESTRICTED_AUDIENCE_ON_NORMAL_KEY((e, b) -> b.audience(e.projectId() + ":restricted"), 401, "UNPARSABLE_ACCESS_TOKEN"),
        BRANCH_DEV((e, b) -> b.claim("branch_id", "dev"), 401, "UNPARSABLE_ACCESS_TOKEN"),
        MISSING_IS_ANONYMOUS((e, b) -> b.removeClaim("is_anonymous"), 401, "UNPARSABLE_ACCESS_TOKEN"),
        RESTRICTED_CLAIM_WITHOUT_REASON((e, b) -> b.claim("is_restricted", true), 401, "UNPARSABLE_ACCESS_TOKEN"),
        RESTRICTED_CLASS((e, b) -> b.userClass(UserClass.RESTRICTED), 403, "RESTRICTED_USER_NOT_ALLOWED"),
        ANONYMOUS_CLASS((e, b) -> b.userClass(UserClass.ANONYMOUS), 401, "ANONYMOUS_AUTHENTICATION_NOT_ALLOWED"),
        // accepted by the backend (it ignores these): verifiers with stricter policies must test them themselves
        JKU_HEADER((e, b) -> b.header("jku", "http://evil.example/jwks"), 200, null),
        TYP_HEADER((e, b) -> b.header("typ", "JWT"), 200, null),
        LEGACY_CAMEL_CASE((e, b) -> b.removeClaim("branch_id").claim("branchId", "main")
                .removeClaim("refresh_token_id").claim("refreshTokenId", "9a3b0c52-1f7e-4a38-9f0e-0c1d2e3f4a5b"), 200, null),
        ISSUED_IN_THE_FUTURE((e, b) -> b.issuedAt(Instant.now().plusSeconds(300)), 200, null);

        final BiFunction<HexclaveEmulator, TokenBuilder, TokenBuilder> knob;
        final int status;
        final String code;

        Vector(BiFunction<HexclaveEmulator, TokenBuilder, TokenBuilder> knob, int status, String code) {
            this.knob = knob;
            this.status = status;
            this.code = code;
        }
    }

    @BeforeAll
    static void start() {
        emu = HexclaveEmulator.builder().build().start();
        http = new EmulatorHttp(emu);
        user = emu.createUser(NewUser.withEmail("target@example.com").displayName("Target").build());
    }

    @AfterAll
    static void stop() {
        emu.close();
    }

    @ParameterizedTest
    @EnumSource(Vector.class)
    void backendAnswersEachVectorAsHexclaveWould(Vector vector) {
        String jwt = vector.knob.apply(emu, emu.token(user)).mint();
        EmulatorHttp.Reply reply = http.server().accessToken(jwt).get("/users/me");
        assertThat(reply.status()).as(reply.body()).isEqualTo(vector.status);
        if (vector.code != null) {
            assertThat(reply.code()).isEqualTo(vector.code);
            assertThat(reply.body()).doesNotContain(jwt);
        } else {
            assertThat(reply.json().get("id").asText()).isEqualTo(user.id());
        }
    }

    @Test
    void untouchedBuilderMintsAGenuineTokenLikeMintAccessToken() throws Exception {
        JsonNode built = AccessTokenShapeTest.part(emu.token(user).mint(), 1);
        JsonNode minted = AccessTokenShapeTest.part(emu.mintAccessToken(user), 1);
        for (String claim : List.of("sub", "iss", "aud", "project_id", "branch_id", "role", "name", "email", "is_restricted")) {
            assertThat(built.get(claim)).as(claim).isEqualTo(minted.get(claim));
        }
        assertThat(built.get("refresh_token_id")).isNotEqualTo(minted.get("refresh_token_id"));
    }

    @Test
    void headerKnobsChangeOnlyTheHeader() throws Exception {
        String jwt = emu.token(user).header("jku", "http://evil").kid("unknown").mint();
        JsonNode header = AccessTokenShapeTest.part(jwt, 0);
        assertThat(header.get("alg").asText()).isEqualTo("ES256");
        assertThat(header.get("kid").asText()).isEqualTo("unknown");
        assertThat(header.get("jku").asText()).isEqualTo("http://evil");
        assertThat(AccessTokenShapeTest.part(emu.token(user).removeHeader("kid").mint(), 0).has("kid")).isFalse();
    }

    @Test
    void noneAlgorithmHasAnEmptySignature() {
        String jwt = emu.token(user).algorithm("none").mint();
        assertThat(jwt).endsWith(".");
        assertThat(jwt.split("\\.", -1)).hasSize(3);
    }

    @Test
    void classKnobKeepsEverythingConsistent() throws Exception {
        String jwt = emu.token(user).userClass(UserClass.ANONYMOUS).mint();
        JsonNode c = AccessTokenShapeTest.part(jwt, 1);
        assertThat(c.get("aud").asText()).isEqualTo(emu.audience(UserClass.ANONYMOUS));
        assertThat(c.get("iss").asText()).isEqualTo(emu.issuer(UserClass.ANONYMOUS));
        assertThat(c.get("is_anonymous").asBoolean()).isTrue();
        assertThat(c.get("is_restricted").asBoolean()).isTrue();
        assertThat(c.get("restricted_reason").get("type").asText()).isEqualTo("anonymous");
        assertThat(http.server().accessToken(jwt).header("x-hexclave-allow-anonymous-user", "true").get("/users/me").status())
                .isEqualTo(200);
    }

    @Test
    void lifetimeKnobsSetIatAndExp() throws Exception {
        Instant iat = Instant.parse("2030-01-01T00:00:00Z");
        JsonNode c = AccessTokenShapeTest.part(emu.token(user).issuedAt(iat).expiresIn(Duration.ofSeconds(60)).mint(), 1);
        assertThat(c.get("iat").asLong()).isEqualTo(iat.getEpochSecond());
        assertThat(c.get("exp").asLong()).isEqualTo(iat.getEpochSecond() + 60);
    }

    @Test
    void tokensForDeletedUsersCanStillBeMinted() throws Exception {
        EmulatedUser gone = emu.createUser(NewUser.withEmail("ghost@example.com").build());
        emu.deleteUser(gone.id());
        JsonNode c = AccessTokenShapeTest.part(emu.token(gone).mint(), 1);
        assertThat(c.get("sub").asText()).isEqualTo(gone.id());
        assertThat(c.get("email").asText()).isEqualTo("ghost@example.com");
    }

    @Test
    void mintByClassCreatesAUserOfThatClass() throws Exception {
        for (UserClass c : UserClass.values()) {
            JsonNode claims = AccessTokenShapeTest.part(emu.mintAccessToken(c), 1);
            assertThat(claims.get("aud").asText()).isEqualTo(emu.audience(c));
            assertThat(emu.user(claims.get("sub").asText()).orElseThrow().userClass()).isEqualTo(c);
        }
    }
}
