package io.quarkiverse.hexclave.test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.hexclave.runtime.authorization.HexclaveGrants;
import io.quarkus.arc.Arc;
import io.quarkus.test.QuarkusUnitTest;

/**
 * {@code quarkus.hexclave.authorization.enabled=false}: project permissions are not roles; Quarkus' own role check
 * refuses a permission holder, and Hexclave is never asked.
 */
class RolesAsPermissionsDisabledTest {

    @RegisterExtension
    static final QuarkusUnitTest app = HexclaveTestApp.create("authorization", PermissionRolesEndpoint.class)
            .overrideConfigKey("quarkus.hexclave.authorization.enabled", "false")
            .overrideRuntimeConfigKey("quarkus.hexclave.secret-server-key", SharedEmulator.secretServerKey());

    @Test
    void permissionHolderIsRefusedWithoutACall() {
        SharedEmulator.admin("define-project reports_read");
        SharedEmulator.admin("define-project admin reports_read");
        String[] userAndToken = SharedEmulator.userAndToken();
        SharedEmulator.admin("grant-project " + userAndToken[0] + " admin");
        long before = SharedEmulator.projectPermissionCalls();
        given().auth().oauth2(userAndToken[1]).get("/perm/admin").then().statusCode(403);
        given().auth().oauth2(userAndToken[1]).get("/perm/authenticated").then().statusCode(200);
        assertThat(SharedEmulator.projectPermissionCalls() - before).isZero();
        assertThat(Arc.container().instance(HexclaveGrants.class).isAvailable()).isFalse();
    }
}
