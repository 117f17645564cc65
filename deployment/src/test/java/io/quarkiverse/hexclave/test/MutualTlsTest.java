package io.quarkiverse.hexclave.test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/**
 * A self-hosted Hexclave that requires a client certificate: the named TLS configuration's key store supplies it, so
 * keys are fetched and client calls succeed, and the server saw the certificate.
 */
class MutualTlsTest {

    @RegisterExtension
    static final QuarkusUnitTest app = LoopbackTls.behindTlsFront(HexclaveTestApp
            .create("default", GreetingEndpoint.class, OutgoingHttpEndpoint.class, LoopbackTls.class))
            .overrideRuntimeConfigKey("quarkus.hexclave.api-url", LoopbackTls.mutualTlsApiUrl())
            .overrideRuntimeConfigKey("quarkus.tls.hexclave-mtls.trust-store.pem.certs", LoopbackTls.caPem())
            .overrideRuntimeConfigKey("quarkus.tls.hexclave-mtls.key-store.pem.client.cert", LoopbackTls.clientCertPem())
            .overrideRuntimeConfigKey("quarkus.tls.hexclave-mtls.key-store.pem.client.key", LoopbackTls.clientKeyPem())
            .overrideRuntimeConfigKey("quarkus.hexclave.http.tls-configuration-name", "hexclave-mtls");

    @Test
    void theKeyStoreOfTheNamedConfigurationIsTheClientCertificate() {
        String userId = SharedEmulator.userAndToken()[0];

        given().auth().oauth2(SharedEmulator.normalToken()).get("/greet").then().statusCode(200);
        given().get("/outgoing/user/" + userId).then().statusCode(200);

        // The JDK tells of a completed handshake on a thread of its own: wait for it a little.
        assertThat(LoopbackTls.eventually(() -> !LoopbackTls.mutualTlsClients().isEmpty())).isTrue();
        assertThat(LoopbackTls.mutualTlsClients()).containsOnly("CN=hexclave-test-client");
    }
}
