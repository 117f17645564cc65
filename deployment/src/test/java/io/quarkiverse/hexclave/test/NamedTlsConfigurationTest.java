package io.quarkiverse.hexclave.test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/**
 * A self-hosted Hexclave behind a private CA: the TLS configuration named by
 * {@code quarkus.hexclave.http.tls-configuration-name} trusts the CA, so keys are fetched and client calls succeed,
 * blocking on a worker thread and asynchronously from the event loop, whose continuation stays on that event loop.
 */
class NamedTlsConfigurationTest {

    @RegisterExtension
    static final QuarkusUnitTest app = LoopbackTls.behindTlsFront(HexclaveTestApp
            .create("default", GreetingEndpoint.class, OutgoingHttpEndpoint.class, LoopbackTls.class))
            .overrideRuntimeConfigKey("quarkus.tls.hexclave-ca.trust-store.pem.certs", LoopbackTls.caPem())
            .overrideRuntimeConfigKey("quarkus.hexclave.http.tls-configuration-name", "hexclave-ca");

    @Test
    void tokensVerifyWithKeysFetchedOverTheNamedConfiguration() {
        long jwksRequests = SharedEmulator.jwksRequests();

        given().auth().oauth2(SharedEmulator.normalToken()).get("/greet").then().statusCode(200);

        assertThat(SharedEmulator.jwksRequests()).as("keys fetched through the TLS front").isGreaterThan(jwksRequests);
        // The JDK tells of a completed handshake on a thread of its own: wait for it a little.
        assertThat(LoopbackTls.eventually(() -> LoopbackTls.frontHandshakes() > 0)).as("TLS handshakes").isTrue();
    }

    @Test
    void clientCallsSucceedBlockingOnAWorkerAndAsynchronouslyOnTheEventLoop() {
        String userId = SharedEmulator.userAndToken()[0];

        String[] blocking = given().get("/outgoing/user/" + userId).then().statusCode(200).extract().asString()
                .split(" ");
        assertThat(blocking[0]).isEqualTo(userId);
        assertThat(blocking[1]).as("blocking call's thread").contains("executor-thread");

        String[] async = given().get("/outgoing/user-async/" + userId).then().statusCode(200).extract().asString()
                .split(" ");
        assertThat(async[0]).isEqualTo(userId);
        assertThat(async[1]).as("caller").contains("vert.x-eventloop-thread");
        assertThat(async[2]).as("continuation: the caller's event loop").isEqualTo(async[1]);
    }
}
