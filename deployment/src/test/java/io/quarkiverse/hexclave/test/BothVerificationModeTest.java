package io.quarkiverse.hexclave.test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.hexclave.verifier.Challenge;
import io.quarkiverse.hexclave.verifier.RejectionReason;
import io.quarkus.test.QuarkusUnitTest;

/** {@code verification.mode=both}: verified locally first (a forgery never reaches Hexclave), then by Hexclave. */
class BothVerificationModeTest {

    @RegisterExtension
    static final QuarkusUnitTest app = HexclaveTestApp.create("both-mode", GreetingEndpoint.class)
            .overrideRuntimeConfigKey("quarkus.hexclave.secret-server-key", SharedEmulator.secretServerKey());

    @Test
    void forgedTokenIsRejectedLocally() {
        given().header("x-hexclave-access-token", SharedEmulator.token(HostileToken.FOREIGN_KEY)).get("/greet")
                .then().statusCode(401)
                .header("WWW-Authenticate", equalTo(Challenge.unauthorized(RejectionReason.BAD_SIGNATURE).wwwAuthenticate()));
    }

    @Test
    void deletedUserIsRefusedAtOnce() {
        String[] user = SharedEmulator.userAndToken();
        given().auth().oauth2(user[1]).get("/greet").then().statusCode(200).body(equalTo("hello " + user[0]));
        SharedEmulator.deleteUser(user[0]);
        given().auth().oauth2(user[1]).get("/greet").then().statusCode(401)
                .header("WWW-Authenticate", equalTo(Challenge.unauthorized(RejectionReason.REVOKED).wwwAuthenticate()));
    }
}
