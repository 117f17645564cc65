package io.quarkiverse.hexclave.test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.hexclave.verifier.Challenge;
import io.quarkiverse.hexclave.verifier.RejectionReason;
import io.quarkus.test.QuarkusUnitTest;

/**
 * {@code @AllowRestrictedUsers} / {@code @AllowAnonymousUsers} somewhere in the application, lazy authentication: a
 * restricted or anonymous user is authenticated only on requests to an annotated endpoint, never on an unannotated
 * endpoint that reads the identity nor on a Vert.x route guarded by an HTTP permission.
 */
class UserClassFailsClosedLazyTest {

    @RegisterExtension
    static final QuarkusUnitTest app = HexclaveTestApp.create("user-class-bypass", UserClassEndpoint.class,
            GuestEndpoint.class, WhoAmIEndpoint.class, VertxRoutes.class);

    @Test
    void restrictedUserIsNotAuthenticatedOnAnUnannotatedEndpointReadingTheIdentity() {
        given().auth().oauth2(SharedEmulator.token(HostileToken.RESTRICTED)).get("/whoami")
                .then().statusCode(401)
                .header("WWW-Authenticate", equalTo(Challenge.unauthorized(RejectionReason.RESTRICTED_USER_NOT_ALLOWED).wwwAuthenticate()));
    }

    @Test
    void anonymousUserIsNotAuthenticatedOnAnUnannotatedEndpointReadingTheIdentity() {
        given().auth().oauth2(SharedEmulator.token(HostileToken.ANONYMOUS)).get("/whoami")
                .then().statusCode(401)
                .header("WWW-Authenticate", equalTo(Challenge.unauthorized(RejectionReason.ANONYMOUS_USER_NOT_ALLOWED).wwwAuthenticate()));
    }

    @Test
    void restrictedUserIsRefusedByAnAuthenticatedPolicyOnAVertxRoute() {
        given().auth().oauth2(SharedEmulator.token(HostileToken.RESTRICTED)).get("/vertx/secret")
                .then().statusCode(401)
                .header("WWW-Authenticate", equalTo(Challenge.unauthorized(RejectionReason.RESTRICTED_USER_NOT_ALLOWED).wwwAuthenticate()));
    }

    @Test
    void annotatedEndpointsStillAdmitTheirClassUnderLazyAuthentication() {
        given().auth().oauth2(SharedEmulator.token(HostileToken.RESTRICTED)).get("/classes/onboarding")
                .then().statusCode(200).body(equalTo("roles restricted"));
        given().auth().oauth2(SharedEmulator.token(HostileToken.ANONYMOUS)).get("/guest")
                .then().statusCode(200).body(startsWith("cart of "));
    }

    @Test
    void restrictedUserIsRefusedOnAnotherMethodOfAnAnnotatedClass() {
        given().auth().oauth2(SharedEmulator.token(HostileToken.RESTRICTED)).get("/classes/members")
                .then().statusCode(401)
                .header("WWW-Authenticate", equalTo(Challenge.unauthorized(RejectionReason.RESTRICTED_USER_NOT_ALLOWED).wwwAuthenticate()));
    }

    @Test
    void normalUsersAreUnaffected() {
        String[] user = SharedEmulator.userAndToken();
        given().auth().oauth2(user[1]).get("/whoami").then().statusCode(200).body(equalTo("user " + user[0]));
        given().auth().oauth2(user[1]).get("/vertx/secret").then().statusCode(200)
                .body(equalTo("secret for " + user[0]));
        given().auth().oauth2(user[1]).get("/classes/onboarding").then().statusCode(200)
                .body(equalTo("roles authenticated"));
        given().get("/whoami").then().statusCode(200).body(equalTo("nobody"));
    }
}
