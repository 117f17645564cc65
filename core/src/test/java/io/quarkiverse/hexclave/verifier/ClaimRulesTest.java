package io.quarkiverse.hexclave.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The claim rules as a pure function: a map of claims, a context, no signing. */
class ClaimRulesTest {

    static final String PROJECT = "e0b52f4d-dece-408c-af49-d23061bb0f8d";
    static final String ORIGIN = "https://api.hexclave.com";
    static final long NOW = 1_800_000_000L;
    static final ClaimRules.Context CTX = new ClaimRules.Context(PROJECT, new Issuers(List.of(ORIGIN), PROJECT), NOW, 30);
    static final AccessToken.TokenDigest DIGEST = AccessToken.of("e30.e30.c2ln").digest();

    static Map<String, Object> normal() {
        Map<String, Object> c = new HashMap<>();
        c.put("sub", "3241a285-8329-4d69-8f3d-316e08cf140c");
        c.put("aud", PROJECT);
        c.put("iss", UserClass.NORMAL.issuer(ORIGIN, PROJECT));
        c.put("iat", NOW - 10);
        c.put("exp", NOW + 590);
        c.put("branch_id", "main");
        c.put("is_anonymous", false);
        c.put("is_restricted", false);
        c.put("restricted_reason", null);
        return c;
    }

    static RejectionReason reasonOf(Map<String, Object> claims) {
        ClaimRules.Outcome o = ClaimRules.check(claims, CTX, DIGEST);
        return o instanceof ClaimRules.Outcome.Invalid i ? i.rejection().reason() : null;
    }

    @Test
    void validClaimsBecomeNormalisedVerifiedClaims() {
        Map<String, Object> c = normal();
        c.put("branchId", "main");
        c.remove("branch_id");
        c.put("refreshTokenId", "9a3b0c52-1f7e-4a38-9f0e-0c1d2e3f4a5b");

        var valid = (ClaimRules.Outcome.Valid) ClaimRules.check(c, CTX, DIGEST);

        assertThat(valid.claims().userClass()).isEqualTo(UserClass.NORMAL);
        assertThat(valid.claims().sessionId()).isEqualTo("9a3b0c52-1f7e-4a38-9f0e-0c1d2e3f4a5b");
        assertThat(valid.claims().claims()).containsEntry("branch_id", "main").containsEntry("aud", Set.of(PROJECT))
                .doesNotContainKey("restricted_reason");
    }

    @Test
    void eachRuleHasItsReason() {
        Map<String, Object> c = normal();
        c.put("exp", NOW - 31);
        assertThat(reasonOf(c)).isEqualTo(RejectionReason.EXPIRED);
        c = normal();
        c.put("exp", NOW - 29);
        assertThat(reasonOf(c)).as("within the skew").isNull();
        c = normal();
        c.put("iat", NOW + 31);
        assertThat(reasonOf(c)).isEqualTo(RejectionReason.NOT_YET_VALID);
        c = normal();
        c.put("aud", "7b3e7a48-1b5e-4a33-9d7e-000000000000");
        assertThat(reasonOf(c)).isEqualTo(RejectionReason.WRONG_AUDIENCE);
        c = normal();
        c.put("aud", List.of(PROJECT));
        assertThat(reasonOf(c)).isEqualTo(RejectionReason.WRONG_AUDIENCE);
        c = normal();
        c.put("iss", UserClass.ANONYMOUS.issuer(ORIGIN, PROJECT));
        assertThat(reasonOf(c)).isEqualTo(RejectionReason.WRONG_ISSUER);
        c = normal();
        c.put("branch_id", "dev");
        assertThat(reasonOf(c)).isEqualTo(RejectionReason.WRONG_BRANCH);
        c = normal();
        c.put("is_anonymous", true);
        assertThat(reasonOf(c)).isEqualTo(RejectionReason.INCONSISTENT_CLAIMS);
    }

    @Test
    void timesOutsideInstantsRangeAreMistypedNotAnOverflow() {
        for (Object exp : new Object[] { Long.MAX_VALUE, -1L, 1e300, Double.NaN, "1800000000",
                new java.math.BigInteger("99999999999999999999") }) {
            Map<String, Object> c = normal();
            c.put("exp", exp);
            assertThat(reasonOf(c)).as("exp=%s", exp).isEqualTo(RejectionReason.MISSING_CLAIM);
        }
        Map<String, Object> c = normal();
        c.put("iat", Long.MAX_VALUE);
        assertThat(reasonOf(c)).isEqualTo(RejectionReason.MISSING_CLAIM);
        c = normal();
        c.put("exp", (double) (NOW + 100));
        assertThat(reasonOf(c)).as("a whole number sent as a double").isNull();
    }

    @Test
    void theUnverifiedClassIsTheMostRestrictedAnyClaimPointsTo() {
        Issuers issuers = new Issuers(List.of(ORIGIN), PROJECT);
        Map<String, Object> c = normal();
        assertThat(ClaimRules.unverifiedClass(c, issuers)).isEqualTo(UserClass.NORMAL);
        c.put("is_restricted", true);
        assertThat(ClaimRules.unverifiedClass(c, issuers)).isEqualTo(UserClass.RESTRICTED);
        c.put("aud", PROJECT + ":anon");
        assertThat(ClaimRules.unverifiedClass(c, issuers)).isEqualTo(UserClass.ANONYMOUS);
    }

    @Test
    void thePrecheckOnlyEverRejects() {
        assertThat(ClaimRules.precheck(normal(), CTX, Set.of(UserClass.NORMAL))).isNull();
        Map<String, Object> c = normal();
        c.put("aud", PROJECT + ":restricted");
        assertThat(ClaimRules.precheck(c, CTX, Set.of(UserClass.NORMAL)).reason())
                .isEqualTo(RejectionReason.RESTRICTED_USER_NOT_ALLOWED);
        c = normal();
        c.put("iss", "https://evil.example.com/api/v1/projects/" + PROJECT);
        assertThat(ClaimRules.precheck(c, CTX, Set.of(UserClass.NORMAL)).reason()).isEqualTo(RejectionReason.WRONG_ISSUER);
    }
}
