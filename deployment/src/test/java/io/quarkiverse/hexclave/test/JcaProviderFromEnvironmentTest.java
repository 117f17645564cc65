package io.quarkiverse.hexclave.test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.hexclave.config.HexclaveSettings;
import io.quarkus.test.QuarkusUnitTest;

/**
 * {@code hexclave.jca-provider} (so {@code HEXCLAVE_JCA_PROVIDER}), the Jakarta adapter's key, is honoured by the
 * Quarkus extension too, although {@code jca-provider} is fixed at build time where the run-time fallback does not reach.
 */
class JcaProviderFromEnvironmentTest {

    @RegisterExtension
    static final QuarkusUnitTest app = HexclaveTestApp.create("default", GreetingEndpoint.class)
            .overrideConfigKey("hexclave.jca-provider", "SunEC");

    @Inject
    HexclaveSettings settings;

    @Test
    void theJakartaKeyNamesTheProvider() {
        assertThat(settings.jcaProvider()).contains("SunEC");
        given().auth().oauth2(SharedEmulator.normalToken()).get("/greet").then().statusCode(200);
    }
}
