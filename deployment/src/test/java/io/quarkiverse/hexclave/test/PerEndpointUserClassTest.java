package io.quarkiverse.hexclave.test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.hexclave.verifier.Challenge;
import io.quarkiverse.hexclave.verifier.RejectionReason;
import io.quarkus.test.QuarkusUnitTest;

/**
 * Defaults (only normal users, lazy authentication as the annotations require) plus {@code @AllowRestrictedUsers} on one method and {@code @AllowAnonymousUsers} on one
 * class: those classes of user get in there and nowhere else.
 */
class PerEndpointUserClassTest {

    @RegisterExtension
    static final QuarkusUnitTest app = HexclaveTestApp.create("user-class", UserClassEndpoint.class, GuestEndpoint.class,
            GreetingEndpoint.class);

    @Test
    void normalUserReachesEveryEndpoint() {
        String token = SharedEmulator.normalToken();
        given().auth().oauth2(token).get("/classes/onboarding").then().statusCode(200)
                .body(equalTo("roles authenticated"));
        given().auth().oauth2(token).get("/classes/members").then().statusCode(200);
        given().auth().oauth2(token).get("/classes/members-by-role").then().statusCode(200);
        given().auth().oauth2(token).get("/guest").then().statusCode(200);
    }

    @Test
    void restrictedUserReachesOnlyAnnotatedEndpoints() {
        String token = SharedEmulator.token(HostileToken.RESTRICTED);
        given().auth().oauth2(token).get("/classes/onboarding").then().statusCode(200)
                .body(equalTo("roles restricted"));
        given().auth().oauth2(token).get("/guest").then().statusCode(200);
        given().auth().oauth2(token).get("/classes/members").then().statusCode(401)
                .header("WWW-Authenticate", equalTo(Challenge.unauthorized(RejectionReason.RESTRICTED_USER_NOT_ALLOWED).wwwAuthenticate()))
                .body(emptyString());
        given().auth().oauth2(token).get("/greet").then().statusCode(401)
                .header("WWW-Authenticate", equalTo(Challenge.unauthorized(RejectionReason.RESTRICTED_USER_NOT_ALLOWED).wwwAuthenticate()));
    }

    @Test
    void restrictedUserLacksTheAuthenticatedRoleOutsideAnnotatedEndpoints() {
        given().auth().oauth2(SharedEmulator.token(HostileToken.RESTRICTED)).get("/classes/members-by-role")
                .then().statusCode(org.hamcrest.Matchers.anyOf(equalTo(401), equalTo(403)));
    }

    @Test
    void anonymousUserReachesOnlyTheAnonymousEndpoint() {
        String token = SharedEmulator.token(HostileToken.ANONYMOUS);
        given().auth().oauth2(token).get("/guest").then().statusCode(200);
        given().auth().oauth2(token).get("/classes/onboarding").then().statusCode(401)
                .header("WWW-Authenticate", equalTo(Challenge.unauthorized(RejectionReason.ANONYMOUS_USER_NOT_ALLOWED).wwwAuthenticate()));
        given().auth().oauth2(token).get("/classes/members").then().statusCode(401);
    }

    @Test
    void matrixParametersDoNotHideTheGrantedMethod() {
        // Grants follow the resource method JAX-RS matched, so whatever the path spelling matches it, matches it.
        given().urlEncodingEnabled(false).auth().oauth2(SharedEmulator.token(HostileToken.ANONYMOUS)).get("/guest;lang=en")
                .then().statusCode(200).body(org.hamcrest.Matchers.startsWith("cart of "));
        given().urlEncodingEnabled(false).auth().oauth2(SharedEmulator.token(HostileToken.RESTRICTED)).get("/classes;v=1/onboarding;x=2")
                .then().statusCode(200).body(equalTo("roles restricted"));
    }
}
