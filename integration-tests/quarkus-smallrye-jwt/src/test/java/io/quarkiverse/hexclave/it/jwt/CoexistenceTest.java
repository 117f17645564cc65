package io.quarkiverse.hexclave.it.jwt;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkiverse.hexclave.emulator.EmulatedUser;
import io.quarkiverse.hexclave.emulator.HexclaveEmulator;
import io.quarkiverse.hexclave.emulator.NewApiKey;
import io.quarkiverse.hexclave.emulator.NewUser;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.build.Jwt;

/**
 * quarkus-smallrye-jwt and Hexclave in one application: a partner's RS256 token is verified by smallrye-jwt, a
 * Hexclave token by Hexclave, and a bad token of either is refused by its own verifier.
 */
@QuarkusTest
@QuarkusTestResource(CoexistenceTest.Emulator.class)
class CoexistenceTest {

    HexclaveEmulator emulator;

    /** The emulator, configured as {@code hexclave dev} would. */
    public static class Emulator implements QuarkusTestResourceLifecycleManager {
        private HexclaveEmulator emulator;

        @Override
        public Map<String, String> start() {
            emulator = HexclaveEmulator.builder().build().start();
            return Map.of("quarkus.hexclave.api-url", emulator.apiUrl(), "quarkus.hexclave.project-id", emulator.projectId(),
                    "quarkus.hexclave.secret-server-key", emulator.secretServerKey(),
                    "quarkus.hexclave.api-keys.enabled", "true");
        }

        @Override
        public void inject(TestInjector testInjector) {
            testInjector.injectIntoFields(emulator, new TestInjector.MatchesType(HexclaveEmulator.class));
        }

        @Override
        public void stop() {
            if (emulator != null) {
                emulator.close();
            }
        }
    }

    private static String partnerToken(String issuer) {
        return Jwt.issuer(issuer).subject("partner-42").upn("partner-42").groups("partner")
                .sign(Thread.currentThread().getContextClassLoader().getResource("foreign-private.pem").toString());
    }

    @Test
    void partnerTokenIsVerifiedBySmallryeJwt() {
        given().auth().oauth2(partnerToken("https://partner.example.com")).get("/whoami")
                .then().statusCode(200).body(equalTo("smallrye-jwt|partner-42|https://partner.example.com|false"));
    }

    @Test
    void hexclaveTokenIsVerifiedByHexclaveAndSeenThroughSmallryeJwtsProducer() {
        EmulatedUser user = emulator.createUser(NewUser.withEmail("mixed-" + System.nanoTime() + "@example.com").build());
        given().auth().oauth2(emulator.mintAccessToken(user)).get("/whoami")
                .then().statusCode(200).body(equalTo("hexclave|" + user.id() + "|"
                        + emulator.issuer(io.quarkiverse.hexclave.emulator.UserClass.NORMAL) + "|true"));
    }

    @Test
    void partnerTokenOver16KiBIsStillVerifiedBySmallryeJwt() {
        String token = Jwt.issuer("https://partner.example.com").subject("partner-42").upn("partner-42")
                .groups("partner").claim("padding", "p".repeat(12_500))
                .sign(Thread.currentThread().getContextClassLoader().getResource("foreign-private.pem").toString());
        org.junit.jupiter.api.Assertions.assertTrue(token.length() > 16 * 1024, "token over 16 KiB");
        given().auth().oauth2(token).get("/whoami")
                .then().statusCode(200).body(equalTo("smallrye-jwt|partner-42|https://partner.example.com|false"));
    }

    @Test
    void badPartnerTokenIsRefusedBySmallryeJwt() {
        given().auth().oauth2(partnerToken("https://someone-else.example.com")).get("/whoami")
                .then().statusCode(401);
    }

    @Test
    void forgedHexclaveTokenIsRefusedByHexclave() {
        EmulatedUser user = emulator.createUser(NewUser.withEmail("forged-" + System.nanoTime() + "@example.com").build());
        given().auth().oauth2(emulator.token(user).signWithForeignKey().mint()).get("/whoami")
                .then().statusCode(401).header("WWW-Authenticate", containsString("invalid signature"));
    }

    /** A Hexclave API key in Authorization: Bearer is Hexclave's (no JWT); partner tokens stay smallrye-jwt's. */
    @Test
    void hexclaveApiKeyInTheBearerHeaderIsAuthenticatedByHexclave() {
        EmulatedUser user = emulator.createUser(NewUser.withEmail("key-" + System.nanoTime() + "@example.com").build());
        String key = emulator.createApiKey(NewApiKey.forUser(user.id()).build()).value();
        given().auth().oauth2(key).get("/machine").then().statusCode(200)
                .body(equalTo("HexclaveApiKeyPrincipal|" + user.id() + "|[authenticated, hexclave-api-key]"));
        given().header("x-hexclave-api-key", key).get("/machine").then().statusCode(200);
        given().auth().oauth2(partnerToken("https://partner.example.com")).get("/machine").then().statusCode(200)
                .body(containsString("|partner-42|"));
    }
}
