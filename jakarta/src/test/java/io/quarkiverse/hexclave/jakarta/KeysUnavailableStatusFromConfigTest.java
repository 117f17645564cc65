package io.quarkiverse.hexclave.jakarta;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.util.Map;

import jakarta.security.enterprise.AuthenticationStatus;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkiverse.hexclave.config.ConfigLookup;
import io.quarkiverse.hexclave.emulator.EmulatedUser;
import io.quarkiverse.hexclave.emulator.HexclaveEmulator;
import io.quarkiverse.hexclave.emulator.NewUser;
import io.quarkiverse.hexclave.jakarta.internal.HexclaveComponents;
import io.quarkiverse.hexclave.jakarta.internal.HexclaveIdentityStore;

/**
 * {@code hexclave.keys-unavailable-status} through the CDI wiring: a token of the project whose signing keys cannot be
 * fetched (nothing listens on the configured API port) is answered with the configured status, never 401.
 */
class KeysUnavailableStatusFromConfigTest {

    private final HexclaveEmulator emulator = HexclaveEmulator.builder().build().start();

    @AfterEach
    void stop() {
        emulator.close();
    }

    AuthenticationStatus authenticate(FakeHttp http, Map<String, String> extra) throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort(); // closed again below: connections to it are refused
        }
        Map<String, String> keys = new java.util.HashMap<>(Map.of("hexclave.project-id", emulator.projectId(),
                "hexclave.api-url", "http://127.0.0.1:" + closedPort,
                "hexclave.issuer-origins", emulator.apiUrl()));
        keys.putAll(extra);
        HexclaveComponents components = new HexclaveComponents(ConfigLookup.of(keys));
        EmulatedUser ada = emulator.createUser(NewUser.withEmail("ada@example.com").build());
        http.header("Authorization", "Bearer " + emulator.mintAccessToken(ada)).protectedResource();
        HexclaveHttpAuthenticationMechanism mechanism = new HexclaveHttpAuthenticationMechanism();
        mechanism.wire(components, new HexclaveIdentityStore()::validate);
        try {
            return mechanism.validateRequest(http.request(), http.response(), http.context());
        } finally {
            components.verifier().close();
        }
    }

    @Test
    void defaultIs503() throws Exception {
        FakeHttp http = new FakeHttp();
        assertThat(authenticate(http, Map.of())).isEqualTo(AuthenticationStatus.SEND_FAILURE);
        assertThat(http.status).isEqualTo(503);
        assertThat(http.responseHeaders).containsKey("Retry-After").doesNotContainKey("WWW-Authenticate");
    }

    @Test
    void configuredStatusIsAnswered() throws Exception {
        FakeHttp http = new FakeHttp();
        assertThat(authenticate(http, Map.of("hexclave.keys-unavailable-status", "500")))
                .isEqualTo(AuthenticationStatus.SEND_FAILURE);
        assertThat(http.status).isEqualTo(500);
        assertThat(http.responseHeaders).containsKey("Retry-After").doesNotContainKey("WWW-Authenticate");
        assertThat(http.loggedIn).isNull();
    }
}
