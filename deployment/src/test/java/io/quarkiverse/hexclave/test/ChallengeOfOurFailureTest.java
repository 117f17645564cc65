package io.quarkiverse.hexclave.test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWithIgnoringCase;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.hexclave.verifier.Challenge;
import io.quarkiverse.hexclave.verifier.RejectionReason;
import io.quarkus.test.QuarkusUnitTest;

/**
 * Pins how the mechanism claims the challenge of its own failures (the Quarkus-internal routing-context key
 * {@code HttpAuthenticationMechanism.class.getName()}): with Basic authentication asked first for challenges, a
 * rejected Hexclave token is still answered with Hexclave's RFC 6750 reason, while a request without credentials gets
 * Basic's challenge.
 */
class ChallengeOfOurFailureTest {

    @RegisterExtension
    static final QuarkusUnitTest app = HexclaveTestApp.create("basic-auth", GreetingEndpoint.class,
            NoPasswordIdentityProvider.class);

    @Test
    void rejectedHexclaveTokenGetsHexclavesChallengeNotBasics() {
        given().auth().oauth2(SharedEmulator.token(HostileToken.EXPIRED)).get("/greet")
                .then().statusCode(401)
                .header("WWW-Authenticate", equalTo(Challenge.unauthorized(RejectionReason.EXPIRED).wwwAuthenticate()));
    }

    @Test
    void requestWithoutCredentialsGetsTheHigherPriorityChallenge() {
        given().get("/greet").then().statusCode(401).header("WWW-Authenticate", startsWithIgnoringCase("basic"));
    }

    @Test
    void validHexclaveTokenStillAuthenticates() {
        String[] user = SharedEmulator.userAndToken();
        given().auth().oauth2(user[1]).get("/greet").then().statusCode(200).body(equalTo("hello " + user[0]));
    }
}
