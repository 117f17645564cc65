package io.quarkiverse.hexclave.test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.hexclave.docs.mutiny.ReactiveUsersResource;
import io.quarkus.test.QuarkusUnitTest;

/** The Mutiny example of the client and Quarkus pages (docs/modules/ROOT/examples/quarkus) does what they say. */
class MutinyDocsExampleTest {

    @RegisterExtension
    static final QuarkusUnitTest app = HexclaveTestApp.create("default", ReactiveUsersResource.class)
            .overrideRuntimeConfigKey("quarkus.hexclave.secret-server-key", SharedEmulator.secretServerKey());

    @Test
    void theCurrentUsersProfile() {
        String[] user = SharedEmulator.userAndToken();
        given().auth().oauth2(user[1]).get("/reactive/me").then().statusCode(200).body(equalTo("Ada Lovelace"));
    }

    @Test
    void aUserByIdAndAnUnknownOne() {
        String[] user = SharedEmulator.userAndToken();
        String token = SharedEmulator.normalToken();
        given().auth().oauth2(token).get("/reactive/users/" + user[0]).then().statusCode(200)
                .body(equalTo("Ada Lovelace"));
        given().auth().oauth2(token).get("/reactive/users/7d1c2b3a-4e5f-4a6b-8c7d-9e0f1a2b3c4d").then()
                .statusCode(404).body(equalTo("no such user"));
    }

    @Test
    void theFirstTenUsers() {
        for (int i = 0; i < 10; i++) {
            SharedEmulator.userAndToken();
        }
        String token = SharedEmulator.normalToken();
        SharedEmulator.admin("reset-counts");
        String ids = given().auth().oauth2(token).get("/reactive/users").then().statusCode(200).extract().asString();
        assertThat(ids.lines().distinct()).hasSize(10);
        assertThat(SharedEmulator.admin("count GET /api/v1/users")).as("3 pages of 4").isEqualTo("3");
    }
}
