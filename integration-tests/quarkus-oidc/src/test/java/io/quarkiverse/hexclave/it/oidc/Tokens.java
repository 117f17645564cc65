package io.quarkiverse.hexclave.it.oidc;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkiverse.hexclave.emulator.EmulatedUser;
import io.quarkiverse.hexclave.emulator.HexclaveEmulator;
import io.quarkiverse.hexclave.emulator.NewApiKey;
import io.quarkiverse.hexclave.emulator.NewUser;
import io.restassured.response.ValidatableResponse;
import io.smallrye.jwt.build.Jwt;

/**
 * The two kinds of token of these tests (a partner's RS256 token for quarkus-oidc, a Hexclave token) and the two
 * challenges. Both mechanisms answer {@code WWW-Authenticate: Bearer}; Hexclave's challenge also says
 * {@code Cache-Control: no-store}, quarkus-oidc's sends no {@code Cache-Control}: that tells them apart.
 */
final class Tokens {

    static final String PARTNER_ISSUER = "https://partner.example.com";

    private Tokens() {
    }

    /** An RS256 token of the partner's key, from {@code issuer}. */
    static String partner(String issuer) {
        return Jwt.issuer(issuer).subject("partner-42").upn("partner-42").groups("partner")
                .sign(Thread.currentThread().getContextClassLoader().getResource("foreign-private.pem").toString());
    }

    /** A new user of the emulator. */
    static EmulatedUser user(HexclaveEmulator emulator) {
        return emulator.createUser(NewUser.withEmail("oidc-it-" + System.nanoTime() + "@example.com").build());
    }

    /** A new user API key of {@code user} (its full value). */
    static String userKey(HexclaveEmulator emulator, EmulatedUser user) {
        return emulator.createApiKey(NewApiKey.forUser(user.id()).build()).value();
    }

    /** GET {@code path} with {@code key} in {@code x-hexclave-api-key}. */
    static ValidatableResponse getWithKeyHeader(String path, String key) {
        return given().header("x-hexclave-api-key", key).get(path).then();
    }

    /** What Hexclave answers a user API key: the user, no token (so no {@code JsonWebToken}, no principal). */
    static void verifiedByHexclaveKey(ValidatableResponse response, String userId) {
        response.statusCode(200).body(equalTo("hexclave-key|" + userId + "|jwt:null|hexclaveUser:false"));
    }

    /** GET {@code path} with {@code token} as bearer ({@code null}: no credential). */
    static ValidatableResponse get(String path, String token) {
        return (token == null ? given() : given().auth().oauth2(token)).get(path).then();
    }

    /** What quarkus-oidc answers a token it verified: the partner, seen through its {@code JsonWebToken}. */
    static void verifiedByOidc(ValidatableResponse response) {
        response.statusCode(200).body(equalTo("oidc|partner-42|jwt:partner-42|hexclaveUser:false"));
    }

    /**
     * What Hexclave answers its token: the user, {@code @HexclaveUser} set; quarkus-oidc's {@code JsonWebToken} knows
     * only OIDC tokens (no subject).
     */
    static void verifiedByHexclave(ValidatableResponse response, String userId) {
        response.statusCode(200).body(equalTo("hexclave|" + userId + "|jwt:null|hexclaveUser:true"));
    }

    /** quarkus-oidc's challenge. */
    static void oidcChallenge(ValidatableResponse response) {
        response.statusCode(401).header("WWW-Authenticate", equalTo("Bearer")).header("Cache-Control", nullValue());
    }

    /** Hexclave's challenge, {@code Bearer} with the rejection's reason when there was a Hexclave token. */
    static void hexclaveChallenge(ValidatableResponse response, String wwwAuthenticate) {
        response.statusCode(401).header("WWW-Authenticate", equalTo(wwwAuthenticate))
                .header("Cache-Control", equalTo("no-store"));
    }
}
