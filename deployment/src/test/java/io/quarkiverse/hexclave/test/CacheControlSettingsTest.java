package io.quarkiverse.hexclave.test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/** {@code cache-control.value} replaces the default header value; anonymous responses get none. */
class CacheControlSettingsTest {

    @RegisterExtension
    static final QuarkusUnitTest app = HexclaveTestApp.create("cache-control-value", GreetingEndpoint.class);

    @Test
    void configuredValueIsSentOnAuthenticatedResponses() {
        given().auth().oauth2(SharedEmulator.normalToken()).get("/greet")
                .then().statusCode(200).header("Cache-Control", equalTo("no-store"));
    }

    @Test
    void anonymousResponsesAreLeftAlone() {
        given().get("/greet/public").then().statusCode(200).header("Cache-Control", org.hamcrest.Matchers.nullValue());
    }
}
