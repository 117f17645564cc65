package io.quarkiverse.hexclave.test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.security.Security;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.hexclave.config.HexclaveSettings;
import io.quarkus.test.QuarkusUnitTest;

/**
 * The Quarkus way to use BouncyCastle's JCA provider: {@code quarkus.security.security-providers=BC} makes Quarkus
 * install it before the extension creates its verifier, so {@code quarkus.hexclave.jca-provider=BC} finds it.
 */
class JcaProviderFromQuarkusSecurityTest {

    @RegisterExtension
    static final QuarkusUnitTest app = HexclaveTestApp.create("default", GreetingEndpoint.class)
            // Only Quarkus may install it: another test of this JVM may have left it installed.
            .setBeforeAllCustomizer(() -> Security.removeProvider("BC"))
            .overrideConfigKey("quarkus.security.security-providers", "BC")
            .overrideConfigKey("quarkus.hexclave.jca-provider", "BC");

    @Inject
    HexclaveSettings settings;

    @Test
    void tokensAreVerifiedWithTheProviderQuarkusInstalled() {
        assertThat(settings.jcaProvider()).contains("BC");
        assertThat(Security.getProvider("BC")).isNotNull();
        given().auth().oauth2(SharedEmulator.normalToken()).get("/greet").then().statusCode(200);
        given().auth().oauth2(SharedEmulator.normalToken() + "x").get("/greet").then().statusCode(401);
    }
}
