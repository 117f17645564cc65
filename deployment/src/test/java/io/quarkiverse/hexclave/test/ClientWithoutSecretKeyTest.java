package io.quarkiverse.hexclave.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.hexclave.client.HexclaveClient;
import io.quarkus.test.QuarkusUnitTest;

/** Without a secret server key the client is still injectable; a server call says which key is missing. */
class ClientWithoutSecretKeyTest {

    @RegisterExtension
    static final QuarkusUnitTest app = HexclaveTestApp.create("default", GreetingEndpoint.class);

    @Inject
    HexclaveClient client;

    @Test
    void serverCallFailsWithAClearMessage() {
        assertThat(client).isNotNull();
        assertThatThrownBy(() -> client.users().get("3241a285-8329-4d69-8f3d-316e08cf140c"))
                .hasMessageContaining("HEXCLAVE_SECRET_SERVER_KEY");
    }
}
