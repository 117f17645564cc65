package io.quarkiverse.hexclave.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkiverse.hexclave.client.ContractCheckingTransport;
import io.quarkiverse.hexclave.client.HexclaveClient;
import io.quarkiverse.hexclave.client.JdkHttpTransport;
import io.quarkiverse.hexclave.config.HexclaveSettings;
import io.quarkiverse.hexclave.emulator.EmulatedUser;
import io.quarkiverse.hexclave.emulator.HexclaveEmulator;
import io.quarkiverse.hexclave.emulator.NewUser;

/** REST verification against the emulator's real ES256 tokens, every exchange contract-checked. */
class RestTokenVerifierWithEmulatorTest {

    private final HexclaveEmulator emulator = HexclaveEmulator.builder().build().start();

    @AfterEach
    void stop() {
        emulator.close();
    }

    private RestTokenVerifier verifier(boolean allowRestricted) {
        HexclaveSettings settings = HexclaveSettings.builder(emulator.projectId()).apiUrl(emulator.apiUrl())
                .secretServerKey(emulator.secretServerKey()).allowRestrictedUsers(allowRestricted).build();
        HexclaveClient client = new HexclaveClient(settings,
                new ContractCheckingTransport(new JdkHttpTransport(Duration.ofSeconds(2)), true));
        return new RestTokenVerifier(client, Duration.ZERO, 1, Clock.systemUTC());
    }

    @Test
    void validTokenIsAcceptedAndDeletedUserIsRevoked() {
        EmulatedUser ada = emulator.createUser(NewUser.withEmail("ada@example.com").displayName("Ada").build());
        String token = emulator.mintAccessToken(ada);
        RestTokenVerifier verifier = verifier(false);

        Verification accepted = verifier.verify(token);
        assertThat(accepted).isInstanceOf(Verification.Accepted.class);
        assertThat(((Verification.Accepted) accepted).principal().userId()).isEqualTo(ada.id());

        emulator.deleteUser(ada.id());
        assertThat(verifier.verify(token)).isEqualTo(Verification.Rejected.of(RejectionReason.REVOKED));
    }

    @Test
    void restrictedUserIsRejectedUnlessAllowed() {
        String token = emulator.mintAccessToken(io.quarkiverse.hexclave.emulator.UserClass.RESTRICTED);

        assertThat(verifier(false).verify(token))
                .isEqualTo(Verification.Rejected.of(RejectionReason.RESTRICTED_USER_NOT_ALLOWED));
        Verification allowed = verifier(true).verify(token);
        assertThat(allowed).isInstanceOf(Verification.Accepted.class);
        assertThat(((Verification.Accepted) allowed).principal().userClass()).isEqualTo(UserClass.RESTRICTED);
    }

    @Test
    void expiredAndForeignTokensAreRejected() {
        EmulatedUser u = emulator.createUser(NewUser.withEmail("old@example.com").build());
        String expired = emulator.token(u).issuedAt(java.time.Instant.now().minusSeconds(700))
                .expiresIn(Duration.ofSeconds(60)).mint();
        String foreign = emulator.token(u).signWithForeignKey().mint();
        RestTokenVerifier verifier = verifier(false);

        assertThat(verifier.verify(expired)).isEqualTo(Verification.Rejected.of(RejectionReason.EXPIRED));
        assertThat(verifier.verify(foreign)).isEqualTo(Verification.Rejected.of(RejectionReason.MALFORMED));
    }
}
