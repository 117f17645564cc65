package io.quarkiverse.hexclave.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkiverse.hexclave.testsupport.VerifierFixture;

/** The token decoded once: shape, strict base64url, one spelling per token, a digest independent of the signature. */
class AccessTokenTest {

    /** The order of P-256. */
    static final BigInteger N = new BigInteger("FFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551", 16);

    final VerifierFixture f = new VerifierFixture();

    @AfterEach
    void stop() {
        f.close();
    }

    static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void measuringATokenDecodesNothing() {
        AccessToken token = AccessToken.of("e30.e30.c2ln");
        assertThat(token.malformation()).isNull();
        assertThat(AccessToken.of(null).malformation().reason()).isEqualTo(RejectionReason.MISSING);
        assertThat(AccessToken.of("a.b").malformation().reason()).isEqualTo(RejectionReason.MALFORMED);
        assertThat(AccessToken.of("a.b.c.d.e").malformation().reason()).isEqualTo(RejectionReason.ENCRYPTED);
        assertThat(AccessToken.of("a.b.c.d").malformation().reason()).isEqualTo(RejectionReason.MALFORMED);
        assertThat(AccessToken.of(".b.c").malformation().reason()).isEqualTo(RejectionReason.MALFORMED);
        assertThat(AccessToken.of("e30." + "x".repeat(AccessToken.MAX_LENGTH) + ".c").malformation().detail())
                .isEqualTo("token too long");
    }

    @Test
    void thePayloadIsParsedOnceAndTheToStringShowsNothingOfTheToken() {
        String raw = f.tokens.normal().mint();
        AccessToken token = AccessToken.of(raw);
        assertThat(token.unverifiedClaims()).isSameAs(token.unverifiedClaims());
        assertThat(token.unverifiedIssuer()).startsWith(f.jwks.apiUrl());
        assertThat(token.toString()).doesNotContain("eyJ").doesNotContain(raw.substring(0, 10));
    }

    @Test
    void paddingAndNonCanonicalBitsMakeAPartUnreadable() {
        assertThat(AccessToken.of("e30=." + b64("{}") + ".c2ln").readable()).as("padding").isFalse();
        // "e30" is "{}"; "e31" carries the same bytes with a non-zero trailing bit
        assertThat(AccessToken.of("e31.e30.c2ln").readable()).isFalse();
        assertThat(AccessToken.of("e30.e30.c2l+").readable()).as("'+' is base64, not base64url").isFalse();
        assertThat(AccessToken.of("e30.e30.c2ln").readable()).isTrue();
    }

    @Test
    void duplicateClaimNamesMakeThePayloadUnreadable() {
        AccessToken token = AccessToken.of(b64("{\"alg\":\"ES256\"}") + "." + b64("{\"sub\":\"a\",\"sub\":\"b\"}") + ".c2ln");
        assertThat(token.readable()).isFalse();
        assertThat(token.unverifiedClaims()).isNull();
    }

    @Test
    void theHighSTwinOfASignatureIsAcceptedWithTheSameTokenId() {
        String raw = f.tokens.normal().mint();
        String twin = highSTwin(raw);
        assertThat(twin).isNotEqualTo(raw);
        var v = f.verifier();

        HexclavePrincipal original = accepted(v.verify(raw));
        HexclavePrincipal other = accepted(v.verify(twin));

        assertThat(other.tokenId()).isEqualTo(original.tokenId()).hasSize(43);
        assertThat(other.getRawToken()).isEqualTo(twin);
    }

    @Test
    void aSignatureWithNonZeroTrailingBitsIsRefused() {
        String raw = f.tokens.normal().mint();
        char last = raw.charAt(raw.length() - 1);
        // 64 bytes end in 2 encoded bits + 4 zero bits: flipping the lowest bit keeps the bytes, changes the spelling
        char respelled = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
                .charAt("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".indexOf(last) ^ 1);
        String tampered = raw.substring(0, raw.length() - 1) + respelled;
        var v = f.verifier();
        accepted(v.verify(raw));

        Verification outcome = v.verify(tampered);

        assertThat(outcome).isInstanceOf(Verification.Rejected.class);
        assertThat(((Verification.Rejected) outcome).reason()).isEqualTo(RejectionReason.BAD_SIGNATURE);
    }

    static HexclavePrincipal accepted(Verification v) {
        assertThat(v).isInstanceOf(Verification.Accepted.class);
        return ((Verification.Accepted) v).principal();
    }

    /** The same token with s replaced by n − s: an equally valid ECDSA signature of the same message. */
    static String highSTwin(String token) {
        int dot = token.lastIndexOf('.');
        byte[] rs = Base64.getUrlDecoder().decode(token.substring(dot + 1));
        BigInteger s = new BigInteger(1, Arrays.copyOfRange(rs, 32, 64));
        byte[] twinS = N.subtract(s).toByteArray();
        byte[] out = Arrays.copyOf(rs, 64);
        Arrays.fill(out, 32, 64, (byte) 0);
        int len = Math.min(32, twinS.length);
        System.arraycopy(twinS, twinS.length - len, out, 64 - len, len);
        return token.substring(0, dot + 1) + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
    }
}
