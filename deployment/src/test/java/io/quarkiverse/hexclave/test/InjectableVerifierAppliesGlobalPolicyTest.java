package io.quarkiverse.hexclave.test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.hexclave.config.HexclaveSettings;
import io.quarkiverse.hexclave.verifier.AccessToken;
import io.quarkiverse.hexclave.verifier.HexclaveTokenVerifier;
import io.quarkiverse.hexclave.verifier.RejectionReason;
import io.quarkiverse.hexclave.verifier.UserClass;
import io.quarkiverse.hexclave.verifier.UserClassPolicy;
import io.quarkiverse.hexclave.verifier.Verification;
import io.quarkus.test.QuarkusUnitTest;

/**
 * An endpoint carries {@code @AllowAnonymousUsers}, but the injectable {@link HexclaveTokenVerifier} (what WebSocket,
 * gRPC or messaging code verifies tokens with) keeps the global policy of the settings: no guests, no restricted
 * users, whatever classes it is asked to admit.
 */
class InjectableVerifierAppliesGlobalPolicyTest {

    @RegisterExtension
    static final QuarkusUnitTest app = HexclaveTestApp.create("user-class", GuestEndpoint.class);

    @Inject
    HexclaveTokenVerifier verifier;

    @Inject
    HexclaveSettings settings;

    @Test
    void policyIsTheSettingsGlobalPolicy() {
        UserClassPolicy global = UserClassPolicy.of(settings.allowRestrictedUsers(), settings.allowAnonymousUsers());
        assertThat(verifier.policy().global()).isEqualTo(global.global());
        assertThat(verifier.policy().anywhere()).isEqualTo(global.global()).containsExactly(UserClass.NORMAL);
    }

    @Test
    void guestAndRestrictedTokensAreRefusedEvenWhenTheCallerAsksForThem() {
        String guest = SharedEmulator.token(HostileToken.ANONYMOUS);
        String restricted = SharedEmulator.token(HostileToken.RESTRICTED);
        assertThat(verifier.verify(guest)).isEqualTo(Verification.Rejected.of(RejectionReason.ANONYMOUS_USER_NOT_ALLOWED));
        assertThat(verifier.verify(AccessToken.of(guest), UserClassPolicy.grant(true, true)))
                .isEqualTo(Verification.Rejected.of(RejectionReason.ANONYMOUS_USER_NOT_ALLOWED));
        assertThat(verifier.verify(AccessToken.of(restricted), UserClassPolicy.grant(true, false)))
                .isEqualTo(Verification.Rejected.of(RejectionReason.RESTRICTED_USER_NOT_ALLOWED));
        assertThat(verifier.verifyAsync(AccessToken.of(guest), UserClassPolicy.grant(true, true)).toCompletableFuture()
                .join()).isInstanceOf(Verification.Rejected.class);
        assertThat(verifier.verifyWithoutBlocking(AccessToken.of(guest), UserClassPolicy.grant(true, true)))
                .hasValueSatisfying(v -> assertThat(v).isInstanceOf(Verification.Rejected.class));
    }

    @Test
    void normalUsersPassAndTheAnnotatedEndpointStillAdmitsGuests() {
        assertThat(verifier.verify(SharedEmulator.normalToken())).isInstanceOf(Verification.Accepted.class);
        given().auth().oauth2(SharedEmulator.token(HostileToken.ANONYMOUS)).get("/guest").then().statusCode(200);
    }
}
