package io.quarkiverse.hexclave.test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/** {@code cache-control.enabled=false}: the extension adds no header. */
class CacheControlDisabledTest {

    @RegisterExtension
    static final QuarkusUnitTest app = HexclaveTestApp.create("cache-control-off", GreetingEndpoint.class);

    @Test
    void noCacheControlHeaderIsAdded() {
        given().auth().oauth2(SharedEmulator.normalToken()).get("/greet")
                .then().statusCode(200).header("Cache-Control", nullValue());
    }
}
