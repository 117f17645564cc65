package io.quarkiverse.hexclave.test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.hexclave.runtime.authorization.HexclaveGrants;
import io.quarkus.arc.Arc;
import io.quarkus.test.QuarkusUnitTest;

/**
 * The build-time flags the Jakarta adapter shares fall back to its keys (so to {@code HEXCLAVE_*} as the build sees
 * them): {@code hexclave.authorization.enabled=false} turns project permissions as roles off, as the Quarkus key does.
 */
class BuildTimeFlagsFromJakartaKeysTest {

    @RegisterExtension
    static final QuarkusUnitTest app = HexclaveTestApp.create("authorization", PermissionRolesEndpoint.class)
            .overrideConfigKey("hexclave.authorization.enabled", "false")
            .overrideRuntimeConfigKey("quarkus.hexclave.secret-server-key", SharedEmulator.secretServerKey());

    @Test
    void jakartaKeyTurnsPermissionRolesOff() {
        assertThat(Arc.container().instance(HexclaveGrants.class).isAvailable()).isFalse();
        given().auth().oauth2(SharedEmulator.normalToken()).get("/perm/authenticated").then().statusCode(200);
    }
}
