package io.quarkiverse.hexclave.test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.hexclave.verifier.Challenge;
import io.quarkiverse.hexclave.verifier.RejectionReason;
import io.quarkus.test.QuarkusUnitTest;

/** {@code allow-restricted-users=true}: restricted users everywhere, anonymous users still not. */
class RestrictedUsersAllowedGloballyTest {

    @RegisterExtension
    static final QuarkusUnitTest app = HexclaveTestApp.create("restricted-allowed", GreetingEndpoint.class);

    @Test
    void restrictedUserIsAcceptedWithTheRestrictedRole() {
        given().auth().oauth2(SharedEmulator.normalToken()).get("/greet/roles")
                .then().statusCode(200).body(equalTo("authenticated"));
        given().auth().oauth2(SharedEmulator.token(HostileToken.RESTRICTED)).get("/greet/roles")
                .then().statusCode(200).body(equalTo("authenticated,restricted"));
    }

    @Test
    void anonymousUserIsStillRejected() {
        given().auth().oauth2(SharedEmulator.token(HostileToken.ANONYMOUS)).get("/greet")
                .then().statusCode(401).header("WWW-Authenticate",
                        equalTo(Challenge.unauthorized(RejectionReason.ANONYMOUS_USER_NOT_ALLOWED).wwwAuthenticate()));
    }
}
