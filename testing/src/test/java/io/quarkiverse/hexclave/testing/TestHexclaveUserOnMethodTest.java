package io.quarkiverse.hexclave.testing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkiverse.hexclave.verifier.UserClass;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class TestHexclaveUserOnMethodTest {

    @Inject
    HexclaveTestTokens tokens;

    @Test
    @TestHexclaveUser(email = "ada@example.com", displayName = "Ada")
    void annotatedTestSendsARealTokenOfTheDescribedUser() {
        String userId = tokens.requireCurrent().userId();
        given().get("/whoami").then().statusCode(200).body(equalTo(userId));
        given().get("/whoami/name").then().statusCode(200).body(equalTo("Ada <ada@example.com>"));
        assertThat(tokens.requireCurrent().userClass()).isEqualTo(UserClass.NORMAL);
    }

    @Test
    void unannotatedTestSendsNoToken() {
        assertThat(tokens.current()).isEmpty();
        given().get("/whoami").then().statusCode(401);
    }

    @Test
    @TestHexclaveUser
    void explicitCredentialsOfTheRequestWin() {
        given().auth().oauth2("not-a-token").get("/whoami").then().statusCode(401)
                .header("WWW-Authenticate", startsWith("Bearer"));
        given().auth().none().get("/whoami").then().statusCode(401);
        given().header("Authorization", "Bearer garbage").get("/whoami").then().statusCode(401);
        given().get("/whoami").then().statusCode(200);
    }

    @Test
    @TestHexclaveUser(userClass = UserClass.RESTRICTED)
    void restrictedUserIsRejectedUnlessTheEndpointAllowsIt() {
        given().get("/whoami").then().statusCode(401)
                .header("WWW-Authenticate", containsString("restricted users are not allowed"));
        given().get("/whoami/restricted-welcome").then().statusCode(200)
                .body(equalTo(tokens.requireCurrent().userId()));
    }

    @Test
    @TestHexclaveUser(demoUser = true)
    void demoUserCanBeUsed() {
        given().get("/whoami/name").then().statusCode(200).body(equalTo("Demo User <demo@example.com>"));
    }
}
