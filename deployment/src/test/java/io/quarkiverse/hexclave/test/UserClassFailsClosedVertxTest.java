package io.quarkiverse.hexclave.test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.hexclave.verifier.Challenge;
import io.quarkiverse.hexclave.verifier.RejectionReason;
import io.quarkus.test.QuarkusUnitTest;

/**
 * {@code @AllowRestrictedUsers} / {@code @AllowAnonymousUsers} in the application: a Vert.x route guarded by
 * {@code policy=authenticated} (checked before routing) admits normal users only.
 */
class UserClassFailsClosedVertxTest {

    @RegisterExtension
    static final QuarkusUnitTest app = HexclaveTestApp.create("user-class-vertx", UserClassEndpoint.class,
            GuestEndpoint.class, VertxRoutes.class);

    @Test
    void restrictedUserIsRefusedByAnAuthenticatedPolicyOnAVertxRoute() {
        given().auth().oauth2(SharedEmulator.token(HostileToken.RESTRICTED)).get("/vertx/secret")
                .then().statusCode(401)
                .header("WWW-Authenticate", equalTo(Challenge.unauthorized(RejectionReason.RESTRICTED_USER_NOT_ALLOWED).wwwAuthenticate()));
    }

    @Test
    void anonymousUserIsRefusedByAnAuthenticatedPolicyOnAVertxRoute() {
        given().auth().oauth2(SharedEmulator.token(HostileToken.ANONYMOUS)).get("/vertx/secret")
                .then().statusCode(401)
                .header("WWW-Authenticate", equalTo(Challenge.unauthorized(RejectionReason.ANONYMOUS_USER_NOT_ALLOWED).wwwAuthenticate()));
    }

    @Test
    void normalUserPassesTheAuthenticatedPolicy() {
        String[] user = SharedEmulator.userAndToken();
        given().auth().oauth2(user[1]).get("/vertx/secret").then().statusCode(200)
                .body(equalTo("secret for " + user[0]));
    }

    @Test
    void annotatedEndpointStillAdmitsTheRestrictedUser() {
        given().auth().oauth2(SharedEmulator.token(HostileToken.RESTRICTED)).get("/classes/onboarding")
                .then().statusCode(200).body(equalTo("roles restricted"));
    }
}
