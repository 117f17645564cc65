package io.quarkiverse.hexclave.testing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkiverse.hexclave.runtime.devservices.SignedInUser;
import io.quarkiverse.hexclave.verifier.UserClass;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class HexclaveTestTokensTest {

    @Inject
    HexclaveTestTokens tokens;

    @Test
    void mintedTokenOfANormalUserIsAccepted() {
        SignedInUser user = tokens.mint();
        given().auth().oauth2(user.token()).get("/whoami").then().statusCode(200).body(equalTo(user.userId()));
        given().header("Authorization", user.authorizationHeader()).get("/whoami").then().statusCode(200);
    }

    @Test
    void anonymousUserIsRejectedByDefault() {
        SignedInUser guest = tokens.mint(UserClass.ANONYMOUS);
        assertThat(guest.email()).isEmpty();
        given().auth().oauth2(guest.token()).get("/whoami").then().statusCode(401);
    }

    @Test
    void newTokenOfAnExistingUserIsAccepted() {
        SignedInUser user = tokens.mint("grace@example.com", "Grace", UserClass.NORMAL);
        String second = tokens.tokenFor(user.userId());
        assertThat(second).isNotEqualTo(user.token());
        given().auth().oauth2(second).get("/whoami/name").then().statusCode(200)
                .body(equalTo("Grace <grace@example.com>"));
    }

    @Test
    void signedInUserNeverPrintsItsToken() {
        SignedInUser user = tokens.mint();
        assertThat(user.toString()).doesNotContain(user.token()).doesNotContain("eyJ");
    }
}
