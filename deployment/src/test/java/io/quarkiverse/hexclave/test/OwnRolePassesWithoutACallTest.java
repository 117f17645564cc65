package io.quarkiverse.hexclave.test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/** A role the identity already carries (the application's own augmentor) passes without asking Hexclave. */
class OwnRolePassesWithoutACallTest {

    @RegisterExtension
    static final QuarkusUnitTest app = HexclaveTestApp.create("authorization", PermissionRolesEndpoint.class,
            OwnRoleAugmentor.class)
            .overrideRuntimeConfigKey("quarkus.hexclave.secret-server-key", SharedEmulator.secretServerKey());

    @Test
    void ownRolePassesAndNoCallIsMade() {
        long before = SharedEmulator.projectPermissionCalls();
        given().auth().oauth2(SharedEmulator.normalToken()).get("/perm/admin").then().statusCode(200);
        assertThat(SharedEmulator.projectPermissionCalls() - before).isZero();
    }
}
