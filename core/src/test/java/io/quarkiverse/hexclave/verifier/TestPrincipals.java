package io.quarkiverse.hexclave.verifier;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Principals for tests of code that consumes them (no signing, no keys): claims judged by the real rules. */
public final class TestPrincipals {

    private TestPrincipals() {
    }

    /** A normal user of {@code projectId}, token issued now for ten minutes, at {@code https://api.hexclave.com}. */
    public static HexclavePrincipal normal(String projectId, String userId) {
        long now = Instant.now().getEpochSecond();
        Map<String, Object> claims = new HashMap<>(Map.of("sub", userId, "aud", projectId,
                "iss", UserClass.NORMAL.issuer("https://api.hexclave.com", projectId), "iat", now, "exp", now + 600,
                "branch_id", "main", "is_anonymous", false, "is_restricted", false));
        String raw = "test." + userId + ".principal";
        ClaimRules.Outcome outcome = ClaimRules.check(claims, new ClaimRules.Context(projectId,
                new Issuers(List.of("https://api.hexclave.com"), projectId), now, 30), AccessToken.of(raw).digest());
        if (!(outcome instanceof ClaimRules.Outcome.Valid valid)) {
            throw new IllegalStateException("test claims rejected: " + outcome);
        }
        return new HexclavePrincipal(raw, valid.claims());
    }
}
