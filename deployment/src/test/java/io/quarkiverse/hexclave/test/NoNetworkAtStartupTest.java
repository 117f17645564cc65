package io.quarkiverse.hexclave.test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/** Start-up fetches nothing; the first token fetches the keys once, later tokens use the cache. */
class NoNetworkAtStartupTest {

    private static final String BEFORE_START = "io.quarkiverse.hexclave.test.jwks-before-start";

    static {
        // Runs first in JUnit's class loader, before the application starts (see SharedEmulator).
        if (System.getProperty(BEFORE_START) == null) {
            System.setProperty(BEFORE_START, Long.toString(SharedEmulator.jwksRequests()));
        }
    }

    @RegisterExtension
    static final QuarkusUnitTest app = HexclaveTestApp.create("default", GreetingEndpoint.class);

    @Test
    void keysAreFetchedOnFirstUseOnly() {
        long beforeStart = Long.parseLong(System.getProperty(BEFORE_START));
        assertThat(SharedEmulator.jwksRequests()).as("JWKS requests during start-up").isEqualTo(beforeStart);

        given().auth().oauth2(SharedEmulator.normalToken()).get("/greet").then().statusCode(200);
        assertThat(SharedEmulator.jwksRequests()).isEqualTo(beforeStart + 1);

        for (int i = 0; i < 5; i++) {
            given().auth().oauth2(SharedEmulator.normalToken()).get("/greet").then().statusCode(200);
        }
        assertThat(SharedEmulator.jwksRequests()).isEqualTo(beforeStart + 1);
    }
}
