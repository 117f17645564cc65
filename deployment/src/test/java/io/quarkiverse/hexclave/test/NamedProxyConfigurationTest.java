package io.quarkiverse.hexclave.test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.logging.LogRecord;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.hexclave.client.HexclaveClient;
import io.quarkus.test.QuarkusUnitTest;

/**
 * Every call to Hexclave, key fetches and client calls alike, goes through the proxy named by
 * {@code quarkus.hexclave.http.proxy-configuration-name}, with its credentials; the proxy password is never logged nor
 * shown (the log is read at DEBUG for Hexclave, Vert.x and Netty). The self-hosted Hexclave is reached over TLS through the proxy's tunnel, trusted by the named TLS
 * configuration.
 */
class NamedProxyConfigurationTest {

    @RegisterExtension
    static final QuarkusUnitTest app = LoopbackTls.behindTlsFront(HexclaveTestApp
            .create("default", NamedProxyConfigurationTest::check, GreetingEndpoint.class, OutgoingHttpEndpoint.class,
                    LoopbackTls.class))
            .overrideRuntimeConfigKey("quarkus.tls.hexclave-ca.trust-store.pem.certs", LoopbackTls.caPem())
            .overrideRuntimeConfigKey("quarkus.hexclave.http.tls-configuration-name", "hexclave-ca")
            .overrideRuntimeConfigKey("quarkus.proxy.corporate.host", "127.0.0.1")
            .overrideRuntimeConfigKey("quarkus.proxy.corporate.port", Integer.toString(LoopbackTls.proxyPort()))
            .overrideRuntimeConfigKey("quarkus.proxy.corporate.username", LoopbackTls.PROXY_USER)
            .overrideRuntimeConfigKey("quarkus.proxy.corporate.password", LoopbackTls.PROXY_PASSWORD)
            .overrideRuntimeConfigKey("quarkus.hexclave.http.proxy-configuration-name", "corporate")
            .overrideRuntimeConfigKey("quarkus.log.category.\"io.quarkiverse.hexclave\".level", "DEBUG")
            .overrideRuntimeConfigKey("quarkus.log.category.\"io.vertx\".level", "DEBUG")
            .overrideRuntimeConfigKey("quarkus.log.category.\"io.netty\".level", "DEBUG");

    @Inject
    HexclaveClient client;

    static void check(List<LogRecord> logs) {
        assertThat(logs).as("the transport's description at DEBUG")
                .anyMatch(r -> text(r).contains("proxy=HTTP 127.0.0.1:" + LoopbackTls.proxyPort() + " (with credentials)"));
        assertThat(logs).noneMatch(r -> text(r).contains(LoopbackTls.PROXY_PASSWORD));
        assertThat(logs).noneMatch(r -> text(r).contains(SharedEmulator.secretServerKey()));
    }

    @Test
    void keyFetchesAndClientCallsAllGoThroughTheProxy() {
        long tunnels = LoopbackTls.proxyTunnels();
        long frontConnections = LoopbackTls.frontConnections();
        long refusals = LoopbackTls.proxyRefusals();
        String userId = SharedEmulator.userAndToken()[0];

        given().auth().oauth2(SharedEmulator.normalToken()).get("/greet").then().statusCode(200);
        given().get("/outgoing/user/" + userId).then().statusCode(200);
        given().get("/outgoing/user-async/" + userId).then().statusCode(200);
        assertThat(client.users().get(userId).id()).isEqualTo(userId);

        long throughProxy = LoopbackTls.proxyTunnels() - tunnels;
        assertThat(throughProxy).as("tunnels through the proxy").isPositive();
        assertThat(LoopbackTls.frontConnections() - frontConnections)
                .as("connections to Hexclave: each one a tunnel of the proxy").isEqualTo(throughProxy);
        assertThat(LoopbackTls.proxyRefusals()).as("requests without the right credentials").isEqualTo(refusals);
    }

    private static String text(LogRecord r) {
        return r.getMessage() + " " + Arrays.toString(r.getParameters())
                + (r.getThrown() == null ? "" : " " + r.getThrown());
    }
}
