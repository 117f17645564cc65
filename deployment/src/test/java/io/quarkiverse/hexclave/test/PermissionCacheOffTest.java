package io.quarkiverse.hexclave.test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/**
 * {@code quarkus.hexclave.authorization.cache.lifetime=0s}: every check that needs a permission asks Hexclave. That is
 * the former name of {@code cache-ttl}, deprecated and still honoured.
 */
class PermissionCacheOffTest {

    @RegisterExtension
    static final QuarkusUnitTest app = HexclaveTestApp.create("authorization", PermissionRolesEndpoint.class)
            .overrideRuntimeConfigKey("quarkus.hexclave.secret-server-key", SharedEmulator.secretServerKey())
            .overrideRuntimeConfigKey("quarkus.hexclave.authorization.cache.lifetime", "0s");

    @Test
    void everyCheckAsksAndARevocationAppliesAtOnce() {
        SharedEmulator.admin("define-project reports_read");
        SharedEmulator.admin("define-project admin reports_read");
        String[] userAndToken = SharedEmulator.userAndToken();
        SharedEmulator.admin("grant-project " + userAndToken[0] + " admin");
        long before = SharedEmulator.projectPermissionCalls();
        given().auth().oauth2(userAndToken[1]).get("/perm/admin").then().statusCode(200);
        given().auth().oauth2(userAndToken[1]).get("/perm/admin").then().statusCode(200);
        assertThat(SharedEmulator.projectPermissionCalls() - before).isEqualTo(2);
        SharedEmulator.admin("revoke-project " + userAndToken[0] + " admin");
        given().auth().oauth2(userAndToken[1]).get("/perm/admin").then().statusCode(403);
    }
}
