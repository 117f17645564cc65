package io.quarkiverse.hexclave.test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.hexclave.verifier.Challenge;
import io.quarkiverse.hexclave.verifier.RejectionReason;
import io.quarkus.test.QuarkusUnitTest;

/**
 * Grants follow the resource method, whatever the root path ({@code quarkus.http.root-path}), REST path
 * ({@code quarkus.rest.path}) and template, and another HTTP method on the same path is another method. RestAssured's
 * base path is the root path ({@code /app}) here.
 */
class UserClassPrefixedPathsTest {

    @RegisterExtension
    static final QuarkusUnitTest app = HexclaveTestApp.create("user-class-prefixed", ItemEndpoint.class,
            WhoAmIEndpoint.class);

    @Test
    void restrictedUserReadsAnItemThroughRootAndRestPath() {
        given().auth().oauth2(SharedEmulator.token(HostileToken.RESTRICTED)).get("/api/items/7")
                .then().statusCode(200).body(equalTo("item 7"));
    }

    @Test
    void restrictedUserCannotUseAnotherHttpMethodOnTheSamePath() {
        given().auth().oauth2(SharedEmulator.token(HostileToken.RESTRICTED)).delete("/api/items/7")
                .then().statusCode(401)
                .header("WWW-Authenticate", equalTo(Challenge.unauthorized(RejectionReason.RESTRICTED_USER_NOT_ALLOWED).wwwAuthenticate()));
    }

    @Test
    void restrictedUserIsRefusedOnAnUnannotatedEndpoint() {
        given().auth().oauth2(SharedEmulator.token(HostileToken.RESTRICTED)).get("/api/whoami")
                .then().statusCode(401)
                .header("WWW-Authenticate", equalTo(Challenge.unauthorized(RejectionReason.RESTRICTED_USER_NOT_ALLOWED).wwwAuthenticate()));
    }

    @Test
    void normalUserDeletesAnItem() {
        given().auth().oauth2(SharedEmulator.normalToken()).delete("/api/items/7")
                .then().statusCode(200).body(equalTo("deleted 7"));
    }
}
