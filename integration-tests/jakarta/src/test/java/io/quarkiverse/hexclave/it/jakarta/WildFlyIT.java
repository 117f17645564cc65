package io.quarkiverse.hexclave.it.jakarta;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * The contract on WildFly (standalone.xml, the default configuration) with the jboss-cli file the documentation gives,
 * configured through {@code HEXCLAVE_*} environment variables.
 */
class WildFlyIT extends HexclaveServerContract {

    @Override
    boolean serverShipsJsonWebToken() {
        // WildFly's MicroProfile JWT subsystem activates only for @LoginConfig(authMethod = "MP-JWT") deployments.
        return false;
    }

    /** Undertow's own header on pages behind a security constraint (servlet-container disable-caching-for-secured-pages). */
    @Override
    String defaultCacheControl() {
        return "no-cache, no-store, must-revalidate";
    }

    /** The operators' password of the combined example (its environment variable OPS_PASSWORD). */
    static final String OPS_PASSWORD = "ops-" + java.util.UUID.randomUUID();

    /**
     * The quickstart of jakarta-ee.adoc and its example combining Hexclave with HTTP Basic, built from the files the
     * page shows, are deployed next to the sample.
     */
    @Override
    ServerUnderTest startServer(Map<String, String> hexclaveConfig, Path quickstartWar) {
        Path combined = QuickstartWar.build("combined", ServerProcess.workDir("combined"));
        Map<String, String> config = new java.util.LinkedHashMap<>(hexclaveConfig);
        config.put("ops.password", OPS_PASSWORD); // passed as OPS_PASSWORD, as the hexclave.* keys are
        return WildFlyServer.start(config, List.of(quickstartWar, combined));
    }

    @Test
    @Order(20)
    void combinedExampleAuthenticatesHexclaveUsersOutsideOps() {
        given().baseUri(server.baseUri("combined")).get("/api/hello").then()
                .statusCode(401).header("WWW-Authenticate", equalTo("Bearer"));
        given().baseUri(server.baseUri("combined")).auth().oauth2(token(aliceSession.accessToken())).get("/api/hello")
                .then().statusCode(200).body(equalTo("Hello " + alice.id()));
        // An operator's password is no Hexclave credential.
        given().baseUri(server.baseUri("combined")).auth().preemptive().basic("ops", OPS_PASSWORD).get("/api/hello")
                .then().statusCode(401).header("WWW-Authenticate", equalTo("Bearer"));
    }

    @Test
    @Order(20)
    void combinedExampleAuthenticatesOperatorsWithBasicUnderOps() {
        given().baseUri(server.baseUri("combined")).get("/ops/status").then()
                .statusCode(401).header("WWW-Authenticate", equalTo("Basic realm=\"ops\""));
        given().baseUri(server.baseUri("combined")).auth().preemptive().basic("ops", OPS_PASSWORD).get("/ops/status")
                .then().statusCode(200).body(equalTo("ops page for ops"));
        given().baseUri(server.baseUri("combined")).auth().preemptive().basic("ops", "wrong").get("/ops/status")
                .then().statusCode(401);
        // A Hexclave user is not an operator: Hexclave is not asked under /ops.
        given().baseUri(server.baseUri("combined")).auth().oauth2(token(aliceSession.accessToken())).get("/ops/status")
                .then().statusCode(401).header("WWW-Authenticate", equalTo("Basic realm=\"ops\""));
    }

    @Test
    @Order(20)
    void quickstartAsWrittenGives401WithoutToken() {
        given().baseUri(server.baseUri("quickstart")).get("/api/hello").then()
                .statusCode(401)
                .header("WWW-Authenticate", equalTo("Bearer"));
    }

    @Test
    @Order(20)
    void quickstartAsWrittenGives200WithToken() {
        given().baseUri(server.baseUri("quickstart")).auth().oauth2(token(aliceSession.accessToken())).get("/api/hello")
                .then()
                .statusCode(200)
                .body(equalTo("Hello " + alice.id()));
    }

    /** WFLYRS0018: WildFly found Jackson annotations and switched JSON Binding off for the whole deployment. */
    @Test
    @Order(100)
    void jsonBindingWasNotSwitchedOff() {
        assertThat(server.log()).contains("WFLYSRV0010").doesNotContain("WFLYRS0018");
    }
}
