package io.quarkiverse.hexclave.test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/**
 * A raw bearer token too long for Hexclave to read (over 16 KiB, as OIDC tokens with many claims can be) is declined,
 * not rejected as malformed: another mechanism may own it. Alone, Hexclave then answers the plain challenge.
 */
class OversizedForeignBearerTest {

    @RegisterExtension
    static final QuarkusUnitTest app = HexclaveTestApp.create("default", GreetingEndpoint.class);

    private static String oversizedJwt() {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"alg\":\"RS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
        String payload = b64.encodeToString(("{\"iss\":\"https://idp.example.com\",\"pad\":\"" + "x".repeat(13_000)
                + "\"}").getBytes(StandardCharsets.UTF_8));
        return header + "." + payload + ".c2lnbmF0dXJl";
    }

    @Test
    void oversizedForeignBearerTokenIsDeclinedNotAnsweredMalformed() {
        String token = oversizedJwt();
        org.assertj.core.api.Assertions.assertThat(token.length()).isGreaterThan(16 * 1024);
        given().auth().oauth2(token).get("/greet")
                .then().statusCode(401).header("WWW-Authenticate", equalTo("Bearer"));
    }

    @Test
    void oversizedForeignBearerTokenDoesNotBlockAPublicEndpoint() {
        given().auth().oauth2(oversizedJwt()).get("/greet/public").then().statusCode(200);
    }
}
