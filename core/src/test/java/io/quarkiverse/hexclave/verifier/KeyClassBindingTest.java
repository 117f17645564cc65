package io.quarkiverse.hexclave.verifier;

import static io.quarkiverse.hexclave.verifier.HexclaveTokenVerifierTest.accepted;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkiverse.hexclave.testsupport.VerifierFixture;

/**
 * Each key is bound to the user class it was published for, as Hexclave checks a token against its audience's keys
 * only: an anonymous or restricted key does not sign a normal user's token, nor the other way round.
 */
class KeyClassBindingTest {

    final VerifierFixture f = new VerifierFixture();

    @AfterEach
    void stop() {
        f.close();
    }

    static void badSignature(Verification v) {
        assertThat(v).isEqualTo(new Verification.Rejected(RejectionReason.BAD_SIGNATURE,
                "key not published for this user class"));
    }

    @Test
    void aNormalUsersTokenSignedWithAKeyPublishedOnlyForAnonymousUsersIsRejected() {
        var v = f.verifier(b -> b.allowAnonymousUsers(true));
        accepted(v.verify(f.tokens.anonymous().mint()));
        accepted(v.verify(f.tokens.restricted().mint()));
        accepted(v.verify(f.tokens.normal().mint()));

        badSignature(v.verify(f.tokens.normal().signedBy(f.anonymousKey).mint()));
        badSignature(v.verify(f.tokens.normal().signedBy(f.restrictedKey).mint()));
        badSignature(v.verify(f.tokens.restricted().signedBy(f.anonymousKey).mint()));
        badSignature(v.verify(f.tokens.anonymous().signedBy(f.key1).mint()));
        badSignature(v.verify(f.tokens.restricted().signedBy(f.key2).mint()));
    }

    @Test
    void theBindingHoldsOnTheNonBlockingPathToo() {
        var v = f.verifier(b -> b.allowAnonymousUsers(true));
        accepted(v.verify(f.tokens.normal().mint())); // keys now cached
        badSignature(v.verifyWithoutBlocking(AccessToken.of(f.tokens.normal().signedBy(f.anonymousKey).mint()),
                v.policy().anywhere()).orElseThrow());
    }

    @Test
    void withOnlyNormalUsersAdmittedOnlyTheNormalSetIsFetched() {
        var v = f.verifier();
        accepted(v.verify(f.tokens.normal().mint()));
        assertThat(v.jwksStatus().keyIds()).containsExactlyInAnyOrder("kid-legacy-1", "kid-current");
        assertThat(f.jwks.queries()).containsExactly("null");
    }
}
