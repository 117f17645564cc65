package io.quarkiverse.hexclave.test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/** {@code allow-anonymous-users=true}: anonymous and restricted users everywhere. */
class AnonymousUsersAllowedGloballyTest {

    @RegisterExtension
    static final QuarkusUnitTest app = HexclaveTestApp.create("anonymous-allowed", GreetingEndpoint.class);

    @Test
    void anonymousUserIsAcceptedWithItsRoles() {
        given().auth().oauth2(SharedEmulator.token(HostileToken.ANONYMOUS)).get("/greet/roles")
                .then().statusCode(200).body(equalTo("anonymous,authenticated,restricted"));
    }

    @Test
    void restrictedUserIsAcceptedToo() {
        given().auth().oauth2(SharedEmulator.token(HostileToken.RESTRICTED)).get("/greet/roles")
                .then().statusCode(200).body(equalTo("authenticated,restricted"));
    }
}
