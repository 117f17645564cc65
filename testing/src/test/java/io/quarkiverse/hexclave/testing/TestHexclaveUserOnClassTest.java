package io.quarkiverse.hexclave.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.quarkiverse.hexclave.verifier.UserClass;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@TestHexclaveUser(displayName = "Class User", email = "class-user@example.com")
class TestHexclaveUserOnClassTest {

    @Test
    void everyTestOfTheClassIsSignedIn() {
        given().get("/whoami/name").then().statusCode(200).body(equalTo("Class User <class-user@example.com>"));
    }

    @Test
    @TestHexclaveUser(userClass = UserClass.ANONYMOUS)
    void methodAnnotationReplacesTheClassAnnotation() {
        given().get("/whoami").then().statusCode(401);
    }
}
