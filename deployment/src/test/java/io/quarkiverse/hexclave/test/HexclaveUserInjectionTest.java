package io.quarkiverse.hexclave.test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/** {@code @HexclaveUser HexclavePrincipal}, {@code @HexclaveUser CurrentHexclaveUser} and {@code HexclaveClient}. */
class HexclaveUserInjectionTest {

    @RegisterExtension
    static final QuarkusUnitTest app = HexclaveTestApp.create("default", CurrentUserEndpoint.class)
            .overrideRuntimeConfigKey("quarkus.hexclave.secret-server-key", SharedEmulator.secretServerKey());

    @Test
    void principalClaimsAreAvailableWithoutLoadingTheProfile() {
        String[] user = SharedEmulator.userAndToken();
        given().auth().oauth2(user[1]).get("/me")
                .then().statusCode(200).body(startsWith(user[0] + "|ada-")).body(endsWith("@example.com|false"));
    }

    @Test
    void profileIsLoadedOnceAndReusedWithinTheRequest() {
        String[] user = SharedEmulator.userAndToken();
        given().auth().oauth2(user[1]).get("/me/profile")
                .then().statusCode(200).body(equalTo("false|Ada Lovelace|true|true"));
    }

    @Test
    void eachRequestGetsItsOwnUser() {
        String[] ada = SharedEmulator.userAndToken();
        String[] bob = SharedEmulator.userAndToken();
        given().auth().oauth2(ada[1]).get("/me").then().statusCode(200).body(startsWith(ada[0]));
        given().auth().oauth2(bob[1]).get("/me").then().statusCode(200).body(startsWith(bob[0]));
    }

    @Test
    void injectedClientCallsHexclave() {
        String[] user = SharedEmulator.userAndToken();
        given().auth().oauth2(user[1]).get("/me/client")
                .then().statusCode(200).body(startsWith("ada-")).body(endsWith("@example.com"));
    }
}
