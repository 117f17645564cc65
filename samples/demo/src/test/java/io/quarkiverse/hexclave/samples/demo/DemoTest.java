package io.quarkiverse.hexclave.samples.demo;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkiverse.hexclave.runtime.devservices.SignedInUser;
import io.quarkiverse.hexclave.testing.HexclaveTestTokens;
import io.quarkiverse.hexclave.testing.TestHexclaveUser;
import io.quarkus.test.junit.QuarkusTest;

/** The README demo, non-interactively: the app on the Dev Services emulator, real tokens, the real mechanism. */
@QuarkusTest
class DemoTest {

    @Inject
    HexclaveTestTokens tokens;

    @Test
    @TestHexclaveUser(displayName = "Ada", email = "ada@example.com")
    void signedInUserIsGreetedByName() {
        given().get("/hello").then().statusCode(200).body(equalTo("Hello, Ada"));
    }

    @Test
    void requestWithoutTokenIsUnauthorized() {
        given().get("/hello").then().statusCode(401).header("WWW-Authenticate", startsWith("Bearer"));
    }

    @Test
    void demoUserTokenWorksLikeThePrintedCurl() {
        SignedInUser demo = tokens.demoUser();
        given().header("Authorization", demo.authorizationHeader()).get("/hello")
                .then().statusCode(200).body(equalTo("Hello, Demo User"));
    }

    @Test
    @TestHexclaveUser
    void roleANormalUserLacksIsForbidden() {
        given().get("/admin").then().statusCode(403);
        given().get("/members").then().statusCode(200).body(equalTo("Welcome, member"));
    }

    @Test
    @TestHexclaveUser(displayName = "Grace", email = "grace@example.com")
    void profileComesFromHexclave() {
        given().get("/me").then().statusCode(200)
                .body("id", equalTo(tokens.requireCurrent().userId()))
                .body("displayName", equalTo("Grace"))
                .body("email", equalTo("grace@example.com"))
                .body("emailVerified", equalTo(true));
    }

    @Test
    @TestHexclaveUser
    void sessionsAreListedThroughTheClient() {
        String userId = tokens.requireCurrent().userId();
        tokens.tokenFor(userId); // a second session
        given().get("/me/sessions").then().statusCode(200)
                .body("size()", equalTo(2))
                .body("current", hasItem(true));
    }

    @Test
    void profileWithoutTokenIsUnauthorized() {
        given().get("/me").then().statusCode(401);
        given().get("/me/sessions").then().statusCode(401);
    }
}
