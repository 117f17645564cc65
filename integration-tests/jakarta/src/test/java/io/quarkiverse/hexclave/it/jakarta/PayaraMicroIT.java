package io.quarkiverse.hexclave.it.jakarta;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** The contract on Payara Micro, configured through system properties ({@code --systemproperties}). */
class PayaraMicroIT extends HexclaveServerContract {

    @Override
    boolean serverShipsJsonWebToken() {
        // Payara ships MicroProfile JWT, but activates its JsonWebToken bean (and its own mechanism) only for
        // applications annotated @LoginConfig(authMethod = "MP-JWT"), which a Hexclave application must not be.
        return false;
    }

    @Override
    ServerUnderTest startServer(Map<String, String> hexclaveConfig, Path quickstartWar) {
        return PayaraMicroServer.start(hexclaveConfig, List.of(quickstartWar));
    }

    /**
     * Payara has MicroProfile Health: the jar's extension adds the readiness check of the signing keys (one per WAR,
     * each with its own jar), and it is up once Hexclave's keys can be had (after the outage test of {@code @Order(1)}).
     */
    @Test
    @Order(100)
    void readinessCheckReportsTheSigningKeys() {
        given().baseUri(server.baseUri("health/ready")).get().then().statusCode(200)
                .body(containsString("Hexclave signing keys"), containsString("\"status\":\"UP\""),
                        containsString(emulator.projectId()));
    }
}
