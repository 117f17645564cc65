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
 * configured through {@code HEXCLAVE_*} environment variables; and the documentation's quickstart, as written, on the
 * same server.
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

    /** The quickstart of jakarta-ee.adoc, built from the files the page shows, is deployed next to the sample. */
    @Override
    ServerUnderTest startServer(Map<String, String> hexclaveConfig) {
        Path quickstart = QuickstartWar.build(ServerProcess.workDir("quickstart"));
        return WildFlyServer.start(hexclaveConfig, List.of(quickstart));
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
