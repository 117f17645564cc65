package io.quarkiverse.hexclave.test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.hexclave.verifier.Challenge;
import io.quarkiverse.hexclave.verifier.RejectionReason;
import io.quarkus.test.QuarkusUnitTest;

/**
 * {@code quarkus.http.auth.proactive=false}: authentication happens only where an endpoint needs it, with the same
 * answers (200, 401 with the reason, 503 when keys are unavailable).
 */
class LazyAuthenticationTest {

    @RegisterExtension
    static final QuarkusUnitTest app = HexclaveTestApp.create("lazy-auth", GreetingEndpoint.class,
            UserClassEndpoint.class);

    @AfterEach
    void restoreKeys() {
        SharedEmulator.fault("reset");
    }

    @Test
    void badTokenIsIgnoredWhereNoAuthenticationIsNeeded() {
        given().auth().oauth2(SharedEmulator.token(HostileToken.EXPIRED)).get("/greet/static")
                .then().statusCode(200).body(equalTo("hello"));
    }

    @Test
    void protectedEndpointAuthenticatesOnDemand() {
        String[] user = SharedEmulator.userAndToken();
        given().auth().oauth2(user[1]).get("/greet").then().statusCode(200).body(equalTo("hello " + user[0]))
                .header("Cache-Control", equalTo("private, no-store"));
        given().auth().oauth2(SharedEmulator.token(HostileToken.EXPIRED)).get("/greet")
                .then().statusCode(401).header("WWW-Authenticate", equalTo(Challenge.unauthorized(RejectionReason.EXPIRED).wwwAuthenticate()));
        given().get("/greet").then().statusCode(401).header("WWW-Authenticate", equalTo("Bearer"));
    }

    @Test
    void perEndpointUserClassesAreEnforced() {
        String token = SharedEmulator.token(HostileToken.RESTRICTED);
        given().auth().oauth2(token).get("/classes/onboarding").then().statusCode(200);
        given().auth().oauth2(token).get("/classes/members").then().statusCode(401)
                .header("WWW-Authenticate", equalTo(Challenge.unauthorized(RejectionReason.RESTRICTED_USER_NOT_ALLOWED).wwwAuthenticate()));
    }
}
