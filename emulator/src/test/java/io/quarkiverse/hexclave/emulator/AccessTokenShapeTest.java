package io.quarkiverse.hexclave.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jws.JsonWebSignature;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.fasterxml.jackson.databind.JsonNode;

/** Access tokens have exactly the shape of wire reference §3.1–3.3 for every user class. */
class AccessTokenShapeTest {

    private static HexclaveEmulator emu;
    private static EmulatorHttp http;

    @BeforeAll
    static void start() {
        emu = HexclaveEmulator.builder().accessTokenLifetime(Duration.ofMinutes(10)).build().start();
        http = new EmulatorHttp(emu);
    }

    @AfterAll
    static void stop() {
        emu.close();
    }

    static JsonNode part(String jwt, int index) throws Exception {
        return EmulatorHttp.JSON.readTree(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[index]), StandardCharsets.UTF_8));
    }

    private static EmulatedUser userOf(UserClass c) {
        return switch (c) {
            case NORMAL -> emu.createUser(NewUser.withEmail("n-" + System.nanoTime() + "@example.com").displayName("N").build());
            case RESTRICTED -> emu.createUser(NewUser.withEmail("r-" + System.nanoTime() + "@example.com")
                    .restrictedByAdmin("spam").build());
            case ANONYMOUS -> emu.createUser(NewUser.anonymousUser().build());
        };
    }

    @ParameterizedTest
    @EnumSource(UserClass.class)
    void headerIsExactlyAlgAndKidOfTheClassSigningKey(UserClass userClass) throws Exception {
        String jwt = emu.mintAccessToken(userOf(userClass));
        assertThat(jwt).startsWith("ey");
        String headerJson = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[0]), StandardCharsets.UTF_8);
        JsonNode header = EmulatorHttp.JSON.readTree(headerJson);
        assertThat(headerJson).startsWith("{\"alg\":\"ES256\",\"kid\":\"");
        assertThat(header.size()).isEqualTo(2);
        String kid = header.get("kid").asText();
        assertThat(kid).hasSize(12).matches("[A-Za-z0-9_-]{12}");
        // signed with the FIRST key of its class (JWKS order: normal, restricted, anonymous; 2 each)
        JsonNode keys = http.anonymous().get("/api/v1/projects/" + emu.projectId()
                + "/.well-known/jwks.json?include_anonymous=true").json().get("keys");
        assertThat(keys.get(userClass.ordinal() * 2).get("kid").asText()).isEqualTo(kid);
    }

    @ParameterizedTest
    @EnumSource(UserClass.class)
    void claimsAreTheDocumentedSetWithClassIssuerAndAudience(UserClass userClass) throws Exception {
        EmulatedUser user = userOf(userClass);
        String jwt = emu.mintAccessToken(user);
        JsonNode c = part(jwt, 1);
        List<String> names = EmulatorHttp.JSON.convertValue(c, java.util.Map.class).keySet().stream().map(Object::toString).toList();
        assertThat(names).containsExactlyInAnyOrder("sub", "iss", "aud", "iat", "exp", "project_id", "branch_id",
                "refresh_token_id", "role", "name", "email", "email_verified", "selected_team_id", "signed_up_at",
                "is_anonymous", "is_restricted", "restricted_reason", "requires_totp_mfa");
        String p = emu.projectId();
        String prefix = emu.apiUrl() + "/api/v1/";
        switch (userClass) {
            case NORMAL -> {
                assertThat(c.get("iss").asText()).isEqualTo(prefix + "projects/" + p);
                assertThat(c.get("aud").asText()).isEqualTo(p);
                assertThat(c.get("restricted_reason").isNull()).isTrue();
            }
            case RESTRICTED -> {
                assertThat(c.get("iss").asText()).isEqualTo(prefix + "projects-restricted-users/" + p);
                assertThat(c.get("aud").asText()).isEqualTo(p + ":restricted");
                assertThat(c.get("restricted_reason").get("type").asText()).isEqualTo("restricted_by_administrator");
            }
            case ANONYMOUS -> {
                assertThat(c.get("iss").asText()).isEqualTo(prefix + "projects-anonymous-users/" + p);
                assertThat(c.get("aud").asText()).isEqualTo(p + ":anon");
                assertThat(c.get("restricted_reason").get("type").asText()).isEqualTo("anonymous");
                assertThat(c.get("email").isNull()).isTrue();
            }
        }
        assertThat(c.get("aud").isTextual()).isTrue();
        assertThat(c.get("is_anonymous").asBoolean()).isEqualTo(userClass == UserClass.ANONYMOUS);
        assertThat(c.get("is_restricted").asBoolean()).isEqualTo(userClass != UserClass.NORMAL);
        assertThat(c.get("sub").asText()).isEqualTo(user.id());
        assertThat(c.get("project_id").asText()).isEqualTo(p);
        assertThat(c.get("branch_id").asText()).isEqualTo("main");
        assertThat(c.get("role").asText()).isEqualTo("authenticated");
        assertThat(c.get("exp").asLong() - c.get("iat").asLong()).isEqualTo(600);
        assertThat(c.get("signed_up_at").asLong()).isEqualTo(user.signedUpAt().getEpochSecond());
        assertThat(c.get("iat").isIntegralNumber()).isTrue();
        assertThat(c.get("requires_totp_mfa").isBoolean()).isTrue();
    }

    @Test
    void refreshTokenIdIsTheSessionId() throws Exception {
        EmulatedUser user = userOf(UserClass.NORMAL);
        SessionTokens s = emu.createSession(user.id());
        assertThat(part(s.accessToken(), 1).get("refresh_token_id").asText()).isEqualTo(s.sessionId());
        JsonNode sessions = http.server().get("/auth/sessions?user_id=" + user.id()).json().get("items");
        assertThat(EmulatorHttp.texts(sessions, "id")).contains(s.sessionId());
    }

    @ParameterizedTest
    @EnumSource(UserClass.class)
    void signatureVerifiesAgainstTheServedJwks(UserClass userClass) throws Exception {
        String jwt = emu.mintAccessToken(userOf(userClass));
        String jwks = http.anonymous().get("/api/v1/projects/" + emu.projectId()
                + "/.well-known/jwks.json?include_anonymous=true").body();
        JsonWebSignature jws = new JsonWebSignature();
        jws.setCompactSerialization(jwt);
        JsonWebKey key = new JsonWebKeySet(jwks).findJsonWebKey(jws.getKeyIdHeaderValue(), "EC", null, "ES256");
        assertThat(key).isNotNull();
        jws.setKey(key.getKey());
        assertThat(jws.verifySignature()).isTrue();
        // raw r||s JOSE signature: 64 bytes
        assertThat(Base64.getUrlDecoder().decode(jwt.split("\\.")[2])).hasSize(64);
    }

    @Test
    void userFieldsAreCopiedIntoClaims() throws Exception {
        EmulatedUser ada = emu.createUser(NewUser.withEmail("ada-claims@example.com").displayName("Ada").emailVerified(false)
                .requiresTotpMfa(true).build());
        JsonNode c = part(emu.mintAccessToken(ada), 1);
        assertThat(c.get("name").asText()).isEqualTo("Ada");
        assertThat(c.get("email").asText()).isEqualTo("ada-claims@example.com");
        assertThat(c.get("email_verified").asBoolean()).isFalse();
        assertThat(c.get("requires_totp_mfa").asBoolean()).isTrue();
        assertThat(c.get("selected_team_id").isNull()).isTrue();
    }

    @Test
    void selectedTeamIsStampedIntoTokens() throws Exception {
        EmulatedUser u = userOf(UserClass.NORMAL);
        EmulatedTeam team = emu.createTeam("Team");
        emu.addTeamMember(team.id(), u.id());
        emu.selectTeam(u.id(), team.id());
        assertThat(part(emu.mintAccessToken(u), 1).get("selected_team_id").asText()).isEqualTo(team.id());
    }

    @Test
    void configuredIssuerOriginIsUsedAndAccepted() throws Exception {
        try (HexclaveEmulator hosted = HexclaveEmulator.builder().issuerOrigin("https://api.hexclave.com/").build().start()) {
            EmulatedUser u = hosted.createUser(NewUser.withEmail("h@example.com").build());
            String jwt = hosted.mintAccessToken(u);
            assertThat(part(jwt, 1).get("iss").asText()).isEqualTo("https://api.hexclave.com/api/v1/projects/" + hosted.projectId());
            assertThat(hosted.issuer(UserClass.ANONYMOUS))
                    .isEqualTo("https://api.hexclave.com/api/v1/projects-anonymous-users/" + hosted.projectId());
            EmulatorHttp h = new EmulatorHttp(hosted);
            assertThat(h.server().accessToken(jwt).get("/users/me").status()).isEqualTo(200);
            // the rebrand alias host is accepted too (§3.3)
            String legacy = hosted.token(u).issuerOrigin("https://api.stack-auth.com").mint();
            assertThat(h.server().accessToken(legacy).get("/users/me").status()).isEqualTo(200);
        }
    }

    @Test
    void unverifiedEmailMakesUsersRestrictedWhenTheProjectRequiresVerification() throws Exception {
        try (HexclaveEmulator strict = HexclaveEmulator.builder().requireEmailVerification(true).build().start()) {
            EmulatedUser u = strict.createUser(NewUser.withEmail("unverified@example.com").emailVerified(false).build());
            assertThat(u.userClass()).isEqualTo(UserClass.RESTRICTED);
            JsonNode c = part(strict.mintAccessToken(u), 1);
            assertThat(c.get("aud").asText()).endsWith(":restricted");
            assertThat(c.get("restricted_reason").get("type").asText()).isEqualTo("email_not_verified");
        }
    }
}
