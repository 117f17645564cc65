package io.quarkiverse.hexclave.test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.hexclave.verifier.Challenge;
import io.quarkiverse.hexclave.verifier.RejectionReason;
import io.quarkus.test.QuarkusUnitTest;

/**
 * The {@code hexclave-access} cookie outlives its token: an expired or garbage cookie credential leaves the request
 * anonymous (public endpoints and static files answer as usual, protected ones answer 401), while the same token in
 * the {@code Authorization} header is still refused everywhere.
 */
class ExpiredCookieLeavesRequestAnonymousTest {

    @RegisterExtension
    static final QuarkusUnitTest app = HexclaveTestApp.withArchive("cookie",
            jar -> jar.addAsResource(new StringAsset("<h1>welcome</h1>"), "META-INF/resources/index.html"),
            GreetingEndpoint.class, PublicEndpoint.class);

    @Test
    void expiredCookieTokenLeavesPublicEndpointAndStaticFileOpen() {
        String expired = SharedEmulator.token(HostileToken.EXPIRED);
        HexclaveTestApp.withSessionCookies(expired).get("/public").then().statusCode(200).body(equalTo("hello stranger"));
        HexclaveTestApp.withSessionCookies(expired).get("/index.html").then().statusCode(200).body(equalTo("<h1>welcome</h1>"));
    }

    @Test
    void expiredCookieTokenOnProtectedEndpointIs401WithTheReason() {
        HexclaveTestApp.withSessionCookies(SharedEmulator.token(HostileToken.EXPIRED)).get("/greet").then().statusCode(401)
                .header("WWW-Authenticate", equalTo(Challenge.unauthorized(RejectionReason.EXPIRED).wwwAuthenticate()))
                .body(emptyString());
    }

    @Test
    void garbageAccessCookieLeavesPublicEndpointAndStaticFileOpen() {
        given().cookie("hexclave-access", "not-json").get("/public").then().statusCode(200)
                .body(equalTo("hello stranger"));
        given().cookie("hexclave-access", "not-json").get("/index.html").then().statusCode(200);
        given().cookie("hexclave-access", "not-json").get("/greet").then().statusCode(401);
        HexclaveTestApp.withSessionCookies("garbage").get("/public").then().statusCode(200).body(equalTo("hello stranger"));
    }

    @Test
    void validCookieStillAuthenticates() {
        String[] user = SharedEmulator.userAndToken();
        HexclaveTestApp.withSessionCookies(user[1]).get("/greet").then().statusCode(200).body(equalTo("hello " + user[0]));
        HexclaveTestApp.withSessionCookies(user[1]).get("/public").then().statusCode(200).body(equalTo("hello " + user[0]));
    }

    @Test
    void expiredOrMalformedAuthorizationHeaderIsStill401OnPublicEndpoints() {
        given().auth().oauth2(SharedEmulator.token(HostileToken.EXPIRED)).get("/public").then().statusCode(401)
                .header("WWW-Authenticate", equalTo(Challenge.unauthorized(RejectionReason.EXPIRED).wwwAuthenticate()));
        given().header("Authorization", "Bearer stackauth_%%%").get("/index.html").then().statusCode(401)
                .header("WWW-Authenticate", equalTo(Challenge.unauthorized(RejectionReason.MALFORMED).wwwAuthenticate()));
    }
}
