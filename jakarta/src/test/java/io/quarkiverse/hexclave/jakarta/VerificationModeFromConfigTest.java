package io.quarkiverse.hexclave.jakarta;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import jakarta.security.enterprise.AuthenticationStatus;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkiverse.hexclave.emulator.EmulatedUser;
import io.quarkiverse.hexclave.emulator.HexclaveEmulator;
import io.quarkiverse.hexclave.emulator.NewUser;
import io.quarkiverse.hexclave.jakarta.internal.HexclaveComponents;

/**
 * {@code hexclave.verification.mode} in a Jakarta application: the components build the verifier of the mode, and the
 * mechanism answers with its outcome (here: a deleted user is refused at once in {@code both}, not in {@code jwt}).
 */
class VerificationModeFromConfigTest {

    private final HexclaveEmulator emulator = HexclaveEmulator.builder().build().start();
    private final Map<String, String> properties = Map.of("hexclave.project-id", emulator.projectId(),
            "hexclave.api-url", emulator.apiUrl(), "hexclave.secret-server-key", emulator.secretServerKey(),
            "hexclave.verification.rest-cache-ttl", "0");

    @AfterEach
    void stop() {
        properties.keySet().forEach(System::clearProperty);
        System.clearProperty("hexclave.verification.mode");
        emulator.close();
    }

    AuthenticationStatus authenticate(HexclaveComponents components, String token) throws Exception {
        FakeHttp http = new FakeHttp();
        http.header("Authorization", "Bearer " + token).protectedResource();
        var mechanism = new HexclaveHttpAuthenticationMechanism(components.credentials(), components.verifier());
        AuthenticationStatus status = mechanism.validateRequest(http.request(), http.response(), http.context());
        if (status != AuthenticationStatus.SUCCESS) {
            assertThat(http.responseHeaders.get("WWW-Authenticate")).contains("session or user no longer valid");
        }
        return status;
    }

    @Test
    void bothModeRefusesADeletedUsersTokenWhileJwtModeCannotSeeIt() throws Exception {
        properties.forEach(System::setProperty);
        EmulatedUser ada = emulator.createUser(NewUser.withEmail("ada@example.com").build());
        String token = emulator.mintAccessToken(ada);

        System.setProperty("hexclave.verification.mode", "jwt");
        HexclaveComponents jwt = new HexclaveComponents();
        jwt.verifier(); // the settings are read on first use
        System.setProperty("hexclave.verification.mode", "both");
        HexclaveComponents both = new HexclaveComponents();
        both.verifier();
        assertThat(authenticate(jwt, token)).isEqualTo(AuthenticationStatus.SUCCESS);
        assertThat(authenticate(both, token)).isEqualTo(AuthenticationStatus.SUCCESS);

        emulator.deleteUser(ada.id());

        assertThat(authenticate(jwt, token)).isEqualTo(AuthenticationStatus.SUCCESS);
        assertThat(authenticate(both, token)).isEqualTo(AuthenticationStatus.SEND_FAILURE);
    }
}
