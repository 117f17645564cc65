package io.quarkiverse.hexclave.it.jakarta;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.MethodOrderer;

import io.restassured.specification.RequestSpecification;

/**
 * The behaviour every Jakarta EE server must show with hexclave-jakarta, written once and run against each
 * {@link ServerUnderTest}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class HexclaveServerContract {

    ServerUnderTest server;

    /** Starts the server with the sample WAR and these {@code hexclave.*} settings. */
    abstract ServerUnderTest startServer(Map<String, String> hexclaveConfig);

    @BeforeAll
    void startServerWithEmulator() {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("hexclave.project-id", "e0b52f4d-dece-408c-af49-d23061bb0f8d");
        config.put("hexclave.api-url", "http://127.0.0.1:1");
        server = startServer(config);
    }

    @AfterAll
    void stopServer() {
        if (server != null) {
            server.close();
        }
    }

    RequestSpecification request() {
        return given().baseUri(server.baseUri());
    }

    @Test
    @Order(10)
    void publicResourceIsOpenToGuests() {
        request().get("/api/public").then().statusCode(200).body(equalTo("hello guest"));
    }

    @Test
    @Order(10)
    void protectedResourceWithoutCredentialGetsBearerChallenge() {
        request().get("/api/secure/me").then().statusCode(401).header("WWW-Authenticate", equalTo("Bearer"));
    }

    @Test
    @Order(10)
    void malformedAuthorizationHeaderGets401InvalidToken() {
        request().header("Authorization", "Bearer stackauth_%%%").get("/api/secure/me").then().statusCode(401)
                .header("WWW-Authenticate", containsString("error=\"invalid_token\""))
                .header("WWW-Authenticate", containsString("malformed token"))
                .body(not(containsString("Exception")));
    }
}
