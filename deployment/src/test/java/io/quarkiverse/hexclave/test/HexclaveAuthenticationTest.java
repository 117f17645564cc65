package io.quarkiverse.hexclave.test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkiverse.hexclave.verifier.Challenge;
import io.quarkus.test.QuarkusUnitTest;

/** Default configuration: every credential format but the opt-in cookie is accepted, every bad token answered 401 with its reason. */
class HexclaveAuthenticationTest {

    @RegisterExtension
    static final QuarkusUnitTest app = HexclaveTestApp.create("default", GreetingEndpoint.class);

    @Test
    void rawBearerTokenIsAccepted() {
        String[] user = SharedEmulator.userAndToken();
        given().auth().oauth2(user[1]).get("/greet")
                .then().statusCode(200).body(equalTo("hello " + user[0]));
    }

    @Test
    void sdkAuthorizationHeaderIsAccepted() {
        String[] user = SharedEmulator.userAndToken();
        for (String prefix : new String[] { "stackauth_", "hexclave_" }) {
            String json = "{\"accessToken\":\"" + user[1] + "\",\"refreshToken\":\"rt-1\"}";
            String header = "Bearer " + prefix + Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
            given().header("Authorization", header).get("/greet")
                    .then().statusCode(200).body(equalTo("hello " + user[0]));
        }
    }

    @Test
    void accessTokenHeadersAreAccepted() {
        String[] user = SharedEmulator.userAndToken();
        for (String name : new String[] { "x-hexclave-access-token", "x-stack-access-token" }) {
            given().header(name, user[1]).get("/greet")
                    .then().statusCode(200).body(equalTo("hello " + user[0]));
        }
    }

    @Test
    void legacyStackAuthHeaderIsAccepted() {
        String[] user = SharedEmulator.userAndToken();
        given().header("x-stack-auth", "{\"accessToken\":\"" + user[1] + "\",\"refreshToken\":null}").get("/greet")
                .then().statusCode(200).body(equalTo("hello " + user[0]));
    }

    @Test
    void cookiesAreIgnoredUnlessTheCookieSourceIsEnabled() {
        String[] user = SharedEmulator.userAndToken();
        String refresh = "refresh-token-1";
        String access = URLEncoder.encode("[\"" + refresh + "\",\"" + user[1] + "\"]", StandardCharsets.UTF_8);
        String refreshCookie = URLEncoder.encode("{\"refresh_token\":\"" + refresh + "\",\"updated_at_millis\":1}",
                StandardCharsets.UTF_8);
        given().cookie("hexclave-access", access)
                .cookie("hexclave-refresh-" + SharedEmulator.projectId() + "--default", refreshCookie)
                .get("/greet")
                .then().statusCode(401).header("WWW-Authenticate", equalTo("Bearer"));
    }

    @Test
    void authenticationFailuresAreNotCacheable() {
        given().get("/greet").then().statusCode(401).header("Cache-Control", equalTo("no-store"));
        given().auth().oauth2(SharedEmulator.token(HostileToken.EXPIRED)).get("/greet")
                .then().statusCode(401).header("Cache-Control", equalTo("no-store"));
    }

    @Test
    void requestWithoutCredentialsGetsPlainChallenge() {
        given().get("/greet")
                .then().statusCode(401).header("WWW-Authenticate", equalTo("Bearer")).body(emptyString());
    }

    @Test
    void malformedSdkHeaderGets401Malformed() {
        given().header("Authorization", "Bearer stackauth_%%%not-base64%%%").get("/greet/public")
                .then().statusCode(401)
                .header("WWW-Authenticate", equalTo("Bearer error=\"invalid_token\", error_description=\"malformed token\""))
                .body(emptyString());
    }

    /** Names, not constants: test methods run in the application's class loader, the source in JUnit's. */
    static Stream<String> hostileTokens() {
        return Arrays.stream(HostileToken.values()).filter(t -> t != HostileToken.NONE).map(Enum::name);
    }

    @ParameterizedTest
    @MethodSource("hostileTokens")
    void hostileTokenGets401WithItsReason(String name) {
        HostileToken hostile = HostileToken.valueOf(name);
        String token = SharedEmulator.token(hostile);
        given().header("x-hexclave-access-token", token).get("/greet")
                .then().statusCode(401)
                .header("WWW-Authenticate", equalTo(Challenge.unauthorized(hostile.expected()).wwwAuthenticate()))
                .body(emptyString());
    }

    @Test
    void badHexclaveTokenIsRejectedEvenOnPublicEndpoints() {
        given().auth().oauth2(SharedEmulator.token(HostileToken.EXPIRED)).get("/greet/public")
                .then().statusCode(401).header("WWW-Authenticate", containsString("token expired"));
    }

    @Test
    void foreignBearerTokenIsLeftToOtherMechanisms() {
        // Not issued by this project's Hexclave: declined, so the request is simply unauthenticated.
        given().auth().oauth2(SharedEmulator.token(HostileToken.FOREIGN_ISSUER)).get("/greet/public")
                .then().statusCode(200).body(equalTo("hello stranger"));
        given().auth().oauth2(SharedEmulator.token(HostileToken.FOREIGN_ISSUER)).get("/greet")
                .then().statusCode(401).header("WWW-Authenticate", equalTo("Bearer"));
    }

    @Test
    void publicEndpointSeesTheUserWhenATokenIsSent() {
        String[] user = SharedEmulator.userAndToken();
        given().auth().oauth2(user[1]).get("/greet/public").then().statusCode(200).body(equalTo("hello " + user[0]));
        given().get("/greet/public").then().statusCode(200).body(equalTo("hello stranger"));
    }

    @Test
    void normalUserHasTheAuthenticatedRole() {
        given().auth().oauth2(SharedEmulator.normalToken()).get("/greet/roles")
                .then().statusCode(200).body(equalTo("authenticated"));
    }

    @Test
    void jsonWebTokenIsInjectable() {
        String[] user = SharedEmulator.userAndToken();
        given().auth().oauth2(user[1]).get("/greet/jwt")
                .then().statusCode(200)
                .body(startsWith(user[0] + "|" + SharedEmulator.apiUrl() + "/api/v1/projects/" + SharedEmulator.projectId()))
                .body(containsString("@example.com"));
    }

    @Test
    void authenticatedResponsesAreNotCacheable() {
        given().auth().oauth2(SharedEmulator.normalToken()).get("/greet")
                .then().statusCode(200).header("Cache-Control", equalTo("private, no-store"));
    }

    @Test
    void applicationCacheControlIsKept() {
        given().auth().oauth2(SharedEmulator.normalToken()).get("/greet/own-cache-control")
                .then().statusCode(200).header("Cache-Control", equalTo("public, max-age=60"));
    }

    @Test
    void deletedUserKeepsAccessUntilExpiryInJwtMode() {
        // The documented trade-off of local verification; verification.mode=rest or both closes it.
        String[] user = SharedEmulator.userAndToken();
        SharedEmulator.deleteUser(user[0]);
        given().auth().oauth2(user[1]).get("/greet").then().statusCode(200);
    }
}
