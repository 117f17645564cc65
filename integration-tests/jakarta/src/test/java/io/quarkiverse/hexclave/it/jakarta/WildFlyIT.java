package io.quarkiverse.hexclave.it.jakarta;

import static org.assertj.core.api.Assertions.assertThat;

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

    @Override
    ServerUnderTest startServer(Map<String, String> hexclaveConfig, Path quickstartWar) {
        return WildFlyServer.start(hexclaveConfig, List.of(quickstartWar));
    }

    /** WFLYRS0018: WildFly found Jackson annotations and switched JSON Binding off for the whole deployment. */
    @Test
    @Order(100)
    void jsonBindingWasNotSwitchedOff() {
        assertThat(server.log()).contains("WFLYSRV0010").doesNotContain("WFLYRS0018");
    }
}
