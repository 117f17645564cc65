package io.quarkiverse.hexclave.test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/**
 * Requests carrying Hexclave API keys: a user key is its user, a team key its team; expired, revoked, unknown and
 * wrong-type keys get 401 naming the reason; Hexclave down answers 503; checks are cached by digest; tokens keep
 * working beside keys; no key value in the logs.
 */
class ApiKeyAuthenticationTest {

    static final String KEY_MARKER = "574ck4u7h"; // in every Hexclave API key

    @RegisterExtension
    static final QuarkusUnitTest app = HexclaveTestApp.create("api-keys",
            logs -> {
                assertThat(logs).noneMatch(r -> (r.getMessage() + " " + java.util.Arrays.toString(r.getParameters()))
                        .contains(KEY_MARKER));
                assertThat(logs).anyMatch(r -> String.valueOf(r.getMessage()).startsWith("Hexclave API key from"));
                // Hexclave is asked on worker threads, never on the event loop.
                assertThat(logs).filteredOn(r -> String.valueOf(r.getMessage()).startsWith("Checked a Hexclave API key"))
                        .isNotEmpty()
                        .noneMatch(r -> String.valueOf(r.getParameters()[0]).contains("eventloop"));
            },
            ApiKeyEndpoint.class)
            .overrideRuntimeConfigKey("quarkus.hexclave.secret-server-key", SharedEmulator.secretServerKey());

    @AfterEach
    void reset() {
        SharedEmulator.fault("reset");
    }

    /** {id, value} of a new key of a fresh user (whose id is user[0]). */
    static String[] userKey(String userId, String... options) {
        return SharedEmulator.userKey(userId, options);
    }

    @Test
    void userKeyAuthenticatesAsItsUser() {
        String userId = SharedEmulator.userAndToken()[0];
        String key = userKey(userId)[1];

        given().header("x-hexclave-api-key", key).get("/keys/me").then().statusCode(200)
                .header("Cache-Control", equalTo("private, no-store"))
                .body(equalTo(userId + " [authenticated, hexclave-api-key] " + userId + " via-key"));
        given().header("X-Stack-Api-Key", key).get("/keys/profile").then().statusCode(200)
                .body(equalTo("Ada Lovelace"));
        given().auth().oauth2(key).get("/keys/machines").then().statusCode(200).body(equalTo("machine " + userId));
        given().header("x-hexclave-api-key", key).get("/keys/team").then().statusCode(403);
    }

    @Test
    void teamKeyAuthenticatesAsItsTeam() {
        String teamId = SharedEmulator.admin("create-team Robots");
        String key = SharedEmulator.admin("team-key " + teamId).split(" ", 2)[1];

        given().header("x-hexclave-api-key", key).get("/keys/team").then().statusCode(200).body(equalTo("team " + teamId));
        // @Authenticated admits any caller with an identity; a team has no "authenticated" role and no user.
        given().header("x-hexclave-api-key", key).get("/keys/me").then().statusCode(200)
                .body(equalTo(teamId + " [hexclave-api-key, team] no-user"));
        given().header("x-hexclave-api-key", key).get("/keys/machines").then().statusCode(200);
    }

    @Test
    void projectPermissionsAreRolesForUserKeysToo() {
        SharedEmulator.admin("define-project admin");
        String userId = SharedEmulator.userAndToken()[0];
        String key = userKey(userId)[1];
        given().header("x-hexclave-api-key", key).get("/keys/admin").then().statusCode(403);

        String adminId = SharedEmulator.userAndToken()[0];
        SharedEmulator.admin("grant-project " + adminId + " admin");
        given().header("x-hexclave-api-key", userKey(adminId)[1]).get("/keys/admin").then().statusCode(200)
                .body(equalTo("admin " + adminId));
    }

    @Test
    void expiredRevokedUnknownAndMalformedKeysGet401NamingTheReason() {
        String userId = SharedEmulator.userAndToken()[0];
        String expired = userKey(userId, "expired")[1];
        String[] revoked = userKey(userId);
        SharedEmulator.admin("revoke-key " + revoked[0]);
        String real = userKey(userId)[1];
        String unknown = "sk_" + (real.charAt(3) == '0' ? '1' : '0') + real.substring(4); // same shape, no such key

        assertRefused(expired, "api key expired");
        assertRefused(revoked[1], "api key revoked");
        assertRefused(unknown, "invalid api key");
        given().header("x-hexclave-api-key", "not-a-key").get("/keys/me").then().statusCode(401)
                .header("WWW-Authenticate", equalTo(challenge("invalid api key")));
    }

    /**
     * Hexclave answering WRONG_API_KEY_TYPE (its check says the key is of the other type: a real key's shape already
     * picks the right check, so the emulator is made to answer it) gets 401 naming the reason; an edited key is never a
     * pass either.
     */
    @Test
    void keyOfTheOtherTypeGets401WrongType() {
        String teamId = SharedEmulator.admin("create-team Mislabelled");
        String key = SharedEmulator.admin("team-key " + teamId).split(" ", 2)[1];
        String edited = key.replace("team", "user");
        given().header("x-hexclave-api-key", edited).get("/keys/me").then().statusCode(401);

        String userKey = userKey(SharedEmulator.userAndToken()[0])[1]; // never checked before: not cached
        SharedEmulator.admin("api-error 400 WRONG_API_KEY_TYPE");
        assertRefused(userKey, "wrong api key type");
    }

    private static void assertRefused(String key, String reason) {
        given().header("x-hexclave-api-key", key).get("/keys/me").then().statusCode(401)
                .header("WWW-Authenticate", equalTo(challenge(reason)))
                .header("Cache-Control", equalTo("no-store"))
                .body(emptyString());
    }

    static String challenge(String reason) {
        return "Bearer error=\"invalid_token\", error_description=\"" + reason + "\"";
    }

    @Test
    void checksAreCachedPositiveAndNegativeByDigest() {
        String userId = SharedEmulator.userAndToken()[0];
        String[] key = userKey(userId);
        String[] revoked = userKey(userId);
        SharedEmulator.admin("revoke-key " + revoked[0]);
        SharedEmulator.admin("reset-counts");

        for (int i = 0; i < 3; i++) {
            given().header("x-hexclave-api-key", key[1]).get("/keys/me").then().statusCode(200);
            given().header("x-hexclave-api-key", revoked[1]).get("/keys/me").then().statusCode(401);
        }
        assertThat(SharedEmulator.admin("count POST /api/v1/user-api-keys/check")).isEqualTo("2");

        // The documented revocation delay: revoked now, still accepted until the cache lifetime (10m here) ends.
        SharedEmulator.admin("revoke-key " + key[0]);
        given().header("x-hexclave-api-key", key[1]).get("/keys/me").then().statusCode(200);
    }

    @Test
    void hexclaveDownAnswersTheKeysUnavailableStatusAndIsNotCached() {
        String key = userKey(SharedEmulator.userAndToken()[0])[1];
        SharedEmulator.admin("api-status 503");

        given().header("x-hexclave-api-key", key).get("/keys/me").then().statusCode(503)
                .header("WWW-Authenticate", nullValue()).header("Retry-After", equalTo("10")).body(emptyString());

        SharedEmulator.fault("reset");
        given().header("x-hexclave-api-key", key).get("/keys/me").then().statusCode(200);
    }

    @Test
    void tokensKeepWorkingBesideKeys() {
        String[] userAndToken = SharedEmulator.userAndToken();
        given().auth().oauth2(userAndToken[1]).get("/keys/me").then().statusCode(200)
                .body(equalTo(userAndToken[0] + " [authenticated] " + userAndToken[0] + " via-token"));
        given().auth().oauth2(userAndToken[1]).get("/keys/machines").then().statusCode(403);
        given().get("/keys/me").then().statusCode(401).header("WWW-Authenticate", equalTo("Bearer"));
    }

    @Test
    void endpointsCanRequireOrRefuseKeyCallers() {
        String[] userAndToken = SharedEmulator.userAndToken();
        String key = userKey(userAndToken[0])[1];

        given().header("x-hexclave-api-key", key).get("/keys/people").then().statusCode(403);
        given().auth().oauth2(userAndToken[1]).get("/keys/people").then().statusCode(200)
                .body(equalTo("person " + userAndToken[0]));
        given().header("x-hexclave-api-key", key).get("/keys/machines").then().statusCode(200);
        given().auth().oauth2(userAndToken[1]).get("/keys/machines").then().statusCode(403);
    }
}
