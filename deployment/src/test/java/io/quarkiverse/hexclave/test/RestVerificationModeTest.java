package io.quarkiverse.hexclave.test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.hexclave.verifier.Challenge;
import io.quarkiverse.hexclave.verifier.RejectionReason;
import io.quarkus.test.QuarkusUnitTest;

/** {@code verification.mode=rest}: Hexclave answers for every token, so a deleted user is refused at once. */
class RestVerificationModeTest {

    @RegisterExtension
    static final QuarkusUnitTest app = HexclaveTestApp.create("rest-mode", GreetingEndpoint.class)
            .overrideRuntimeConfigKey("quarkus.hexclave.secret-server-key", SharedEmulator.secretServerKey());

    @Test
    void genuineTokenIsAcceptedByHexclave() {
        String[] user = SharedEmulator.userAndToken();
        given().auth().oauth2(user[1]).get("/greet").then().statusCode(200).body(equalTo("hello " + user[0]));
    }

    @Test
    void deletedUserIsRefusedAtOnce() {
        String[] user = SharedEmulator.userAndToken();
        given().auth().oauth2(user[1]).get("/greet").then().statusCode(200);
        SharedEmulator.deleteUser(user[0]);
        given().auth().oauth2(user[1]).get("/greet").then().statusCode(401)
                .header("WWW-Authenticate", equalTo(Challenge.unauthorized(RejectionReason.REVOKED).wwwAuthenticate()));
    }

    @Test
    void expiredTokenIsRefusedByHexclave() {
        given().header("x-hexclave-access-token", SharedEmulator.token(HostileToken.EXPIRED)).get("/greet")
                .then().statusCode(401)
                .header("WWW-Authenticate", equalTo(Challenge.unauthorized(RejectionReason.EXPIRED).wwwAuthenticate()));
    }
}
