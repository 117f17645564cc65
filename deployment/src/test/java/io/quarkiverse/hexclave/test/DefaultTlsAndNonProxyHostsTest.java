package io.quarkiverse.hexclave.test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/**
 * Without names, the defaults of both registries apply: the default TLS configuration ({@code quarkus.tls.*}) trusts
 * the private CA, and the default proxy ({@code quarkus.proxy.*}) is bypassed for the hosts of its
 * {@code non-proxy-hosts}, which lists Hexclave's.
 */
class DefaultTlsAndNonProxyHostsTest {

    @RegisterExtension
    static final QuarkusUnitTest app = LoopbackTls.behindTlsFront(HexclaveTestApp
            .create("default", GreetingEndpoint.class, OutgoingHttpEndpoint.class, LoopbackTls.class))
            .overrideRuntimeConfigKey("quarkus.tls.trust-store.pem.certs", LoopbackTls.caPem())
            .overrideRuntimeConfigKey("quarkus.proxy.host", "127.0.0.1")
            .overrideRuntimeConfigKey("quarkus.proxy.port", Integer.toString(LoopbackTls.proxyPort()))
            .overrideRuntimeConfigKey("quarkus.proxy.username", LoopbackTls.PROXY_USER)
            .overrideRuntimeConfigKey("quarkus.proxy.password", LoopbackTls.PROXY_PASSWORD)
            .overrideRuntimeConfigKey("quarkus.proxy.non-proxy-hosts", "localhost");

    @Test
    void callsGoDirectlyOverTheDefaultTlsConfiguration() {
        long tunnels = LoopbackTls.proxyTunnels();
        long refusals = LoopbackTls.proxyRefusals();
        long frontConnections = LoopbackTls.frontConnections();
        String userId = SharedEmulator.userAndToken()[0];

        given().auth().oauth2(SharedEmulator.normalToken()).get("/greet").then().statusCode(200);
        given().get("/outgoing/user/" + userId).then().statusCode(200);

        assertThat(LoopbackTls.frontConnections()).as("connections to Hexclave").isGreaterThan(frontConnections);
        assertThat(LoopbackTls.proxyTunnels()).as("tunnels through the proxy").isEqualTo(tunnels);
        assertThat(LoopbackTls.proxyRefusals()).isEqualTo(refusals);
    }
}
