package io.quarkiverse.hexclave.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.quarkiverse.hexclave.config.HexclaveSettings;
import io.quarkiverse.hexclave.config.VerificationMode;
import io.quarkiverse.hexclave.emulator.EmulatedUser;
import io.quarkiverse.hexclave.emulator.HexclaveEmulator;
import io.quarkiverse.hexclave.emulator.NewUser;

/** {@code HexclaveTokenVerifier.create} per mode, against the emulator: what each mode sees and what it costs. */
class VerificationModesTest {

    private final HexclaveEmulator emulator = HexclaveEmulator.builder().build().start();

    @AfterEach
    void stop() {
        emulator.close();
    }

    HexclaveTokenVerifier verifier(VerificationMode mode, UserClassPolicy policy) {
        HexclaveSettings settings = HexclaveSettings.builder(emulator.projectId()).apiUrl(emulator.apiUrl())
                .secretServerKey(emulator.secretServerKey()).verificationMode(mode).restCacheTtl(java.time.Duration.ZERO)
                .build();
        return HexclaveTokenVerifier.create(settings, policy, Clock.systemUTC());
    }

    static RejectionReason reason(Verification v) {
        return v instanceof Verification.Rejected r ? r.reason() : null;
    }

    @Test
    void eachModeHasItsImplementation() {
        try (var jwt = verifier(VerificationMode.JWT, UserClassPolicy.NORMAL_ONLY);
                var rest = verifier(VerificationMode.REST, UserClassPolicy.NORMAL_ONLY);
                var both = verifier(VerificationMode.BOTH, UserClassPolicy.NORMAL_ONLY)) {
            assertThat(jwt).isInstanceOf(JwtTokenVerifier.class);
            assertThat(rest).isInstanceOf(RestTokenVerifier.class);
            assertThat(both).isInstanceOf(JwtThenRestVerifier.class);
            assertThat(jwt.signingKeys()).isPresent();
            assertThat(rest.signingKeys()).isEmpty();
            assertThat(both.signingKeys()).isPresent();
        }
    }

    @Test
    void onlyTheModesThatAskHexclaveSeeADeletedUser() {
        EmulatedUser ada = emulator.createUser(NewUser.withEmail("ada@example.com").displayName("Ada").build());
        String token = emulator.mintAccessToken(ada);
        try (var jwt = verifier(VerificationMode.JWT, UserClassPolicy.NORMAL_ONLY);
                var rest = verifier(VerificationMode.REST, UserClassPolicy.NORMAL_ONLY);
                var both = verifier(VerificationMode.BOTH, UserClassPolicy.NORMAL_ONLY)) {
            for (var v : new HexclaveTokenVerifier[] { jwt, rest, both }) {
                assertThat(v.verify(token).accepted()).as("%s before", v.getClass().getSimpleName()).isTrue();
            }

            emulator.deleteUser(ada.id());

            assertThat(jwt.verify(token).accepted()).as("jwt cannot see it").isTrue();
            assertThat(reason(rest.verify(token))).isEqualTo(RejectionReason.REVOKED);
            assertThat(reason(both.verify(token))).isEqualTo(RejectionReason.REVOKED);
        }
    }

    @Test
    void bothRejectsAForgedSignatureWithoutAskingHexclaveButRestAsks() {
        String forged = emulator.token(emulator.createUser(NewUser.withEmail("eve@example.com").build()))
                .signWithForeignKey().mint();
        try (var rest = verifier(VerificationMode.REST, UserClassPolicy.NORMAL_ONLY);
                var both = verifier(VerificationMode.BOTH, UserClassPolicy.NORMAL_ONLY)) {
            assertThat(reason(both.verify(forged))).isIn(RejectionReason.BAD_SIGNATURE, RejectionReason.UNKNOWN_KEY);
            assertThat(rest.verify(forged).accepted()).as("Hexclave refuses it too").isFalse();
        }
    }

    @ParameterizedTest
    @EnumSource(VerificationMode.class)
    void theGlobalPolicyAppliesUnlessTheCallerAdmitsAnEndpointsGrant(VerificationMode mode) {
        String restricted = emulator.mintAccessToken(io.quarkiverse.hexclave.emulator.UserClass.RESTRICTED);
        UserClassPolicy policy = UserClassPolicy.NORMAL_ONLY.withGrants(java.util.List.of(UserClassPolicy.grant(true, false)));
        try (var v = verifier(mode, policy)) {
            assertThat(reason(v.verify(restricted))).as("global policy")
                    .isEqualTo(RejectionReason.RESTRICTED_USER_NOT_ALLOWED);
            Set<UserClass> onGrantedEndpoint = policy.admittedOn(UserClassPolicy.grant(true, false));
            assertThat(v.verify(AccessToken.of(restricted), onGrantedEndpoint).accepted()).isTrue();
            assertThat(reason(v.verify(AccessToken.of(restricted), Set.of(UserClass.NORMAL))))
                    .isEqualTo(RejectionReason.RESTRICTED_USER_NOT_ALLOWED);
        }
    }

    @Test
    void restAndBothNeedTheSecretServerKey() {
        var builder = HexclaveSettings.builder(emulator.projectId()).verificationMode(VerificationMode.BOTH);
        org.assertj.core.api.Assertions.assertThatThrownBy(builder::build)
                .isInstanceOf(io.quarkiverse.hexclave.config.HexclaveConfigException.class)
                .hasMessageContaining("hexclave.verification.mode=both").hasMessageContaining("hexclave.secret-server-key");
    }

    @ParameterizedTest
    @EnumSource(VerificationMode.class)
    void overASharedTransportEveryRequestGoesThroughItAndClosingTheVerifierLeavesItOpen(VerificationMode mode) {
        EmulatedUser ada = emulator.createUser(NewUser.withEmail("ada@example.com").build());
        String token = emulator.mintAccessToken(ada);
        java.util.List<String> paths = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();
        try (var jdk = new io.quarkiverse.hexclave.client.JdkHttpTransport(java.time.Duration.ofSeconds(2))) {
            io.quarkiverse.hexclave.client.HexclaveTransport shared = new io.quarkiverse.hexclave.client.HexclaveTransport() {
                @Override
                public java.util.concurrent.CompletionStage<io.quarkiverse.hexclave.client.HexclaveResponse> send(
                        io.quarkiverse.hexclave.client.HexclaveRequest request) {
                    paths.add(request.uri().getPath());
                    return jdk.send(request);
                }

                @Override
                public void close() {
                    closed.set(true);
                }
            };
            HexclaveSettings settings = HexclaveSettings.builder(emulator.projectId()).apiUrl(emulator.apiUrl())
                    .secretServerKey(emulator.secretServerKey()).verificationMode(mode)
                    .restCacheTtl(java.time.Duration.ZERO).build();
            var verifier = HexclaveTokenVerifier.create(settings, UserClassPolicy.NORMAL_ONLY, Clock.systemUTC(),
                    io.quarkiverse.hexclave.observe.HexclaveObserver.NONE, shared);

            assertThat(verifier.verify(token).accepted()).isTrue();
            verifier.close();

            assertThat(paths).as("every request of %s", mode).isNotEmpty().allSatisfy(path -> assertThat(
                    path.endsWith("/jwks.json") || path.endsWith("/users/me")).as(path).isTrue());
            assertThat(paths.stream().anyMatch(path -> path.endsWith("/jwks.json")))
                    .isEqualTo(mode != VerificationMode.REST);
            assertThat(paths.stream().anyMatch(path -> path.endsWith("/users/me")))
                    .isEqualTo(mode != VerificationMode.JWT);
            assertThat(closed).as("the transport's owner closes it").isFalse();
        }
    }
}
