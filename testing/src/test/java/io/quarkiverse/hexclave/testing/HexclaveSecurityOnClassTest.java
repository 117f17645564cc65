package io.quarkiverse.hexclave.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkiverse.hexclave.runtime.devservices.DevServicesEmulator;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;

/** On the class, beside a class {@code @TestSecurity}; in the application Dev Services point at the emulator. */
@QuarkusTest
@TestSecurity(user = "class-user")
@HexclaveSecurity(displayName = "Class User", projectPermissions = "reports_read")
class HexclaveSecurityOnClassTest {

    @Inject
    DevServicesEmulator emulator;

    @Test
    void everyTestOfTheClassIsTheDescribedUser() {
        given().get("/whoami/name").then().statusCode(200).body(equalTo("Class User <->"));
        given().get("/authz/reports").then().statusCode(200);
        // The issuer the application accepts: the emulator's origin, for its project
        given().get("/principal/jwt").then().statusCode(200)
                .body(startsWith("class-user|" + emulator.apiUrl() + "/api/v1/projects/" + emulator.projectId() + "|"));
    }

    @Test
    @HexclaveSecurity(displayName = "Method User")
    void methodAnnotationReplacesTheClassAnnotation() {
        given().get("/whoami/name").then().statusCode(200).body(equalTo("Method User <->"));
        given().get("/authz/reports").then().statusCode(403);
    }
}
