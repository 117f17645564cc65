package io.quarkiverse.hexclave.test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;
import io.restassured.RestAssured;

/**
 * The CSRF guard of cookie credentials ({@code quarkus.hexclave.cookie.cross-site-check}, on by default): a POST
 * authenticated by the cookie needs {@code Sec-Fetch-Site: same-origin|same-site} or its own {@code Origin}.
 */
class CookieCrossSiteCheckTest {

    @RegisterExtension
    static final QuarkusUnitTest app = HexclaveTestApp.create("cookie", TransferEndpoint.class, GreetingEndpoint.class);

    @Test
    void crossSitePostWithCookieIsRefusedWith403() {
        String token = SharedEmulator.normalToken();
        HexclaveTestApp.withSessionCookies(token).header("Sec-Fetch-Site", "cross-site").header("Origin", "https://evil.example.com")
                .post("/transfer").then().statusCode(403).header("Cache-Control", "no-store")
                .header("WWW-Authenticate", nullValue()).body(emptyString());
        HexclaveTestApp.withSessionCookies(token).post("/transfer").then().statusCode(403);
    }

    @Test
    void sameOriginPostWithCookieIsAccepted() {
        String[] user = SharedEmulator.userAndToken();
        HexclaveTestApp.withSessionCookies(user[1]).header("Sec-Fetch-Site", "same-origin").post("/transfer").then().statusCode(200)
                .body(equalTo("transferred for " + user[0]));
        HexclaveTestApp.withSessionCookies(user[1]).header("Origin", "http://localhost:" + RestAssured.port).post("/transfer").then()
                .statusCode(200);
    }

    @Test
    void crossSiteGetWithCookieAndCrossSitePostWithHeaderAreNotRefused() {
        String[] user = SharedEmulator.userAndToken();
        HexclaveTestApp.withSessionCookies(user[1]).header("Sec-Fetch-Site", "cross-site").get("/greet").then().statusCode(200);
        given().auth().oauth2(user[1]).header("Sec-Fetch-Site", "cross-site").post("/transfer").then().statusCode(200);
    }
}
