package org.acme;

import static io.restassured.RestAssured.given;
import static org.hamcrest.CoreMatchers.is;

import org.junit.jupiter.api.Test;

import io.quarkiverse.hexclave.testing.TestHexclaveUser;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class HexclaveResourceTest {

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
    void refusesCallersWithoutAToken() {
        given()
                .when().get("/hexclave")
                .then()
                .statusCode(401);
    }
}
