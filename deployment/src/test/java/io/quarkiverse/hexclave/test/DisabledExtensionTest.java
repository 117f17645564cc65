package io.quarkiverse.hexclave.test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.hexclave.config.HexclaveSettings;
import io.quarkiverse.hexclave.runtime.security.HexclaveAuthMechanism;
import io.quarkus.arc.Arc;
import io.quarkus.test.QuarkusUnitTest;

/** {@code quarkus.hexclave.enabled=false}: nothing is registered, and no project id is needed. */
class DisabledExtensionTest {

    @RegisterExtension
    static final QuarkusUnitTest app = new QuarkusUnitTest()
            .withApplicationRoot(jar -> jar.addClasses(PublicEndpoint.class, SharedEmulator.class, HostileToken.class)
                    .addAsResource("application-disabled.properties", "application.properties"));

    @Test
    void noHexclaveBeanIsRegistered() {
        assertThat(Arc.container().instance(HexclaveSettings.class).isAvailable()).isFalse();
        assertThat(Arc.container().instance(HexclaveAuthMechanism.class).isAvailable()).isFalse();
    }

    @Test
    void hexclaveTokensAreNotAccepted() {
        given().auth().oauth2(SharedEmulator.normalToken()).get("/public")
                .then().statusCode(200).body(org.hamcrest.Matchers.equalTo("hello stranger"));
    }
}
