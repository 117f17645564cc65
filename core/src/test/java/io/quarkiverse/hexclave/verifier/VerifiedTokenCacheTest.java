package io.quarkiverse.hexclave.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkiverse.hexclave.config.HexclaveSettings;

/** The verified-token cache at scale: its hit rate with 50,000 live tokens, its byte bound, its eviction. */
class VerifiedTokenCacheTest {

    static final String PROJECT = ClaimRulesTest.PROJECT;
    final Clock clock = Clock.systemUTC();
    final long now = clock.instant().getEpochSecond();
    final ClaimRules.Context ctx = new ClaimRules.Context(PROJECT,
            new Issuers(List.of(ClaimRulesTest.ORIGIN), PROJECT), now, 30);

    /** A realistic entry: the claims of a Hexclave token for a new user, under a token of the usual size. */
    VerifiedTokenCache.Entry entryFor(AccessToken token, int i) {
        Map<String, Object> c = new HashMap<>(ClaimRulesTest.normal());
        c.put("iat", now);
        c.put("exp", now + 600);
        c.put("sub", UUID.randomUUID().toString());
        c.put("project_id", PROJECT);
        c.put("refresh_token_id", UUID.randomUUID().toString());
        c.put("role", "authenticated");
        c.put("email", "user" + i + "@example.com");
        c.put("name", "User Number " + i);
        c.put("email_verified", true);
        c.put("signed_up_at", now - 86_400);
        c.put("requires_totp_mfa", false);
        VerifiedClaims claims = ((ClaimRules.Outcome.Valid) ClaimRules.check(c, ctx, token.digest())).claims();
        return new VerifiedTokenCache.Entry(claims, null, token.signaturePart(), "kid", Instant.ofEpochSecond(now + 630));
    }

    static AccessToken token(int i) {
        // the shape of a Hexclave token: ~100-char header, ~700-char payload, 86-char signature
        String sig = String.format("%086d", i);
        return AccessToken.of("eyJhbGciOiJFUzI1NiIsImtpZCI6Imtp" + i + "." + "p".repeat(700) + i + "." + sig);
    }

    @Test
    void fiftyThousandLiveTokensAllStayCachedWithinTheDefaultBudget() {
        int live = 50_000;
        var cache = new VerifiedTokenCache(HexclaveSettings.Defaults.VERIFIED_TOKEN_CACHE_SIZE, clock);
        for (int i = 0; i < live; i++) {
            AccessToken t = token(i);
            cache.put(t, entryFor(t, i));
        }
        cache.cleanUp();

        int hits = 0;
        for (int i = 0; i < live; i++) {
            hits += cache.get(token(i), kid -> true) != null ? 1 : 0;
        }

        assertThat(hits).as("hit rate with %d live tokens", live).isEqualTo(live);
        assertThat(cache.weightedBytes()).isLessThanOrEqualTo(
                HexclaveSettings.Defaults.VERIFIED_TOKEN_CACHE_SIZE * VerifiedTokenCache.BYTES_PER_TOKEN);
    }

    @Test
    void whenFullItEvictsSomeEntriesNeverAll() {
        int capacity = 1_000;
        var cache = new VerifiedTokenCache(capacity, clock);
        for (int i = 0; i < 5_000; i++) {
            AccessToken t = token(i);
            cache.put(t, entryFor(t, i));
            cache.cleanUp();
            if (i > 2_000) {
                assertThat(cache.size()).as("after %d puts", i).isGreaterThan(capacity / 4);
            }
            assertThat(cache.weightedBytes()).isLessThanOrEqualTo(capacity * VerifiedTokenCache.BYTES_PER_TOKEN);
        }
    }

    @Test
    void aTokenWithTheSameSignedPartButAnotherSignatureIsAMiss() {
        var cache = new VerifiedTokenCache(100, clock);
        AccessToken t = token(7);
        cache.put(t, entryFor(t, 7));
        String raw = t.raw();
        AccessToken respelled = AccessToken.of(raw.substring(0, raw.length() - 1) + "x");

        assertThat(cache.get(t, kid -> true)).isNotNull();
        assertThat(cache.get(respelled, kid -> true)).isNull();
        assertThat(cache.get(t, kid -> false)).as("its key was dropped").isNull();
    }
}
