package org.acme;

import static io.restassured.RestAssured.given;
import static org.hamcrest.CoreMatchers.is;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkiverse.hexclave.testing.HexclaveTestTokens;
import io.quarkiverse.hexclave.testing.TestHexclaveUser;
import io.quarkiverse.hexclave.verifier.UserClass;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class HexclaveResourceTest {

    @Inject
    HexclaveTestTokens tokens;

    @Test
    @TestHexclaveUser(displayName = "Ada Lovelace")
    void greetsTheSignedInUser() {
        // Every request of this test carries the token of a new user of the emulator, Ada
        given()
                .when().get("/hexclave")
                .then()
                .statusCode(200)
                .body(is("Hello Ada Lovelace"));
    }

    @Test
    void greetsAUserMintedByTheTest() {
        String token = tokens.mint("grace@example.com", "Grace Hopper", UserClass.NORMAL).token();
        given()
                .auth().oauth2(token)
                .when().get("/hexclave")
                .then()
                .statusCode(200)
                .body(is("Hello Grace Hopper"));
    }

    @Test
    void refusesCallersWithoutAToken() {
        given()
                .when().get("/hexclave")
                .then()
                .statusCode(401);
    }
}
