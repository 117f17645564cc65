package io.quarkiverse.hexclave.test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/**
 * {@code quarkus.hexclave.authorization.cache-ttl} bounds how long a revoked permission still passes: within the
 * lifetime the cached permissions answer (no call); after it, Hexclave is asked again and the revocation applies.
 */
class PermissionCacheLifetimeTest {

    @RegisterExtension
    static final QuarkusUnitTest app = HexclaveTestApp.create("authorization", PermissionRolesEndpoint.class)
            .overrideRuntimeConfigKey("quarkus.hexclave.secret-server-key", SharedEmulator.secretServerKey())
            .overrideRuntimeConfigKey("quarkus.hexclave.authorization.cache-ttl", "2s");

    @Test
    void revokedPermissionPassesUntilTheLifetimeEndsThenFails() throws InterruptedException {
        SharedEmulator.admin("define-project reports_read");
        SharedEmulator.admin("define-project admin reports_read");
        String[] userAndToken = SharedEmulator.userAndToken();
        String token = userAndToken[1];
        SharedEmulator.admin("grant-project " + userAndToken[0] + " admin");
        long before = SharedEmulator.projectPermissionCalls();

        given().auth().oauth2(token).get("/perm/admin").then().statusCode(200);
        SharedEmulator.admin("revoke-project " + userAndToken[0] + " admin");
        given().auth().oauth2(token).get("/perm/admin").then().statusCode(200); // the documented stale window
        assertThat(SharedEmulator.projectPermissionCalls() - before).isEqualTo(1);

        Thread.sleep(2500);
        given().auth().oauth2(token).get("/perm/admin").then().statusCode(403);
        assertThat(SharedEmulator.projectPermissionCalls() - before).isEqualTo(2);
    }
}
