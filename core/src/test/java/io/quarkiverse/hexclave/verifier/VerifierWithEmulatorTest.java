package io.quarkiverse.hexclave.verifier;

import static io.quarkiverse.hexclave.verifier.HexclaveTokenVerifierTest.accepted;
import static io.quarkiverse.hexclave.verifier.HexclaveTokenVerifierTest.rejected;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkiverse.hexclave.config.HexclaveSettings;
import io.quarkiverse.hexclave.emulator.EmulatedUser;
import io.quarkiverse.hexclave.emulator.HexclaveEmulator;
import io.quarkiverse.hexclave.emulator.NewUser;
import io.quarkiverse.hexclave.emulator.MovableClock;

/**
 * The verifier against the embedded emulator, which publishes keys per user class exactly as Hexclave does (restricted
 * and anonymous keys only when asked for) and signs as Hexclave does.
 */
class VerifierWithEmulatorTest {

    HexclaveEmulator emulator;

    @BeforeEach
    void start() {
        emulator = HexclaveEmulator.builder().build().start();
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    final MovableClock clock = new MovableClock();

    HexclaveTokenVerifier verifier(UnaryOperator<HexclaveSettings.Builder> customiser) {
        return new JwtTokenVerifier(customiser.apply(HexclaveSettings.builder(emulator.projectId())
                .apiUrl(emulator.apiUrl()).jwksRefreshCooldown(Duration.ofSeconds(1))).build(), clock);
    }

    @Test
    void tokensOfEachUserClassAreVerifiedWithTheKeysHexclavePublishesForThem() {
        EmulatedUser ada = emulator.createUser(NewUser.withEmail("ada@example.com").displayName("Ada").build());
        HexclavePrincipal p = accepted(verifier(b -> b).verify(emulator.mintAccessToken(ada)));
        assertThat(p.userId()).isEqualTo(ada.id());
        assertThat(p.email()).contains("ada@example.com");
        assertThat(p.displayName()).contains("Ada");
        assertThat(p.sessionId()).isPresent();

        String restricted = emulator.mintAccessToken(io.quarkiverse.hexclave.emulator.UserClass.RESTRICTED);
        String anonymous = emulator.mintAccessToken(io.quarkiverse.hexclave.emulator.UserClass.ANONYMOUS);
        // By default the verifier asks only for the normal keys: other classes are refused by class, before any key lookup matters.
        rejected(verifier(b -> b).verify(restricted), RejectionReason.RESTRICTED_USER_NOT_ALLOWED);
        rejected(verifier(b -> b).verify(anonymous), RejectionReason.ANONYMOUS_USER_NOT_ALLOWED);

        var permissive = verifier(b -> b.allowAnonymousUsers(true));
        assertThat(accepted(permissive.verify(restricted)).userClass()).isEqualTo(UserClass.RESTRICTED);
        assertThat(accepted(permissive.verify(anonymous)).userClass()).isEqualTo(UserClass.ANONYMOUS);
    }

    @Test
    void disallowedUserClassesAreRefusedWithoutForcingAKeyRefresh() {
        var v = verifier(b -> b);
        accepted(v.verify(emulator.mintAccessToken(io.quarkiverse.hexclave.emulator.UserClass.NORMAL)));
        emulator.resetJwksRequestCount();
        for (int i = 0; i < 5; i++) {
            rejected(v.verify(emulator.mintAccessToken(io.quarkiverse.hexclave.emulator.UserClass.RESTRICTED)),
                    RejectionReason.RESTRICTED_USER_NOT_ALLOWED);
        }
        assertThat(emulator.jwksRequestCount()).isZero();
    }

    @Test
    void keyRotationIsPickedUpAndDroppedKeysStopVerifying() {
        EmulatedUser ada = emulator.createUser(NewUser.withEmail("ada@example.com").build());
        var v = verifier(b -> b);
        String before = emulator.mintAccessToken(ada);
        accepted(v.verify(before));

        emulator.rotateKeys(); // new kids; the old keys are no longer published
        clock.advance(Duration.ofSeconds(2)); // past the refresh cooldown
        accepted(v.verify(emulator.mintAccessToken(ada)));
        rejected(v.verify(before), RejectionReason.UNKNOWN_KEY);
    }

    @Test
    void hexclaveFaultsMapToKeysUnavailableOrStaleKeys() {
        EmulatedUser ada = emulator.createUser(NewUser.withEmail("ada@example.com").build());
        emulator.faults().jwksStatus(503);
        assertThatThrownBy(() -> verifier(b -> b).verify(emulator.mintAccessToken(ada)))
                .isInstanceOf(KeysUnavailableException.class);

        emulator.faults().reset();
        var v = verifier(b -> b);
        accepted(v.verify(emulator.mintAccessToken(ada)));
        emulator.faults().jwksGarbage();
        accepted(v.verify(emulator.mintAccessToken(ada)));
    }

    @Test
    void emulatorHostileVariantsAreRejected() {
        EmulatedUser ada = emulator.createUser(NewUser.withEmail("ada@example.com").build());
        var v = verifier(b -> b);
        rejected(v.verify(emulator.token(ada).signWithForeignKey().mint()), RejectionReason.BAD_SIGNATURE);
        rejected(v.verify(emulator.token(ada).algorithm("HS256").mint()), RejectionReason.ALGORITHM_NOT_ALLOWED);
        rejected(v.verify(emulator.token(ada).expiresIn(Duration.ofMinutes(-5)).mint()), RejectionReason.EXPIRED);
        rejected(v.verify(emulator.token(ada).claim("branch_id", "dev").mint()), RejectionReason.WRONG_BRANCH);
        rejected(v.verify(emulator.token(ada).header("jku", "http://127.0.0.1:1/jwks").mint()), RejectionReason.FORBIDDEN_HEADER);
        accepted(v.verify(emulator.token(ada).mint()));
    }
}
