package io.quarkiverse.hexclave.verifier;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.eclipse.microprofile.jwt.Claims;

/**
 * The claims of one verified token, normalised once (legacy fallbacks of §3.5, {@code aud} and {@code groups} as sets)
 * and shared by every {@link HexclavePrincipal} made for a presentation of that token: the verified-token cache keeps
 * these, never the token itself. Immutable.
 */
final class VerifiedClaims {

    private final Map<String, Object> claims;
    private final UserClass userClass;
    private final String userId;
    private final String issuer;
    private final String audience;
    private final String projectId;
    private final String sessionId;
    private final Instant issuedAt;
    private final Instant expiresAt;
    private final Set<String> groups;
    private final AccessToken.TokenDigest digest;
    private final int estimatedBytes;

    private VerifiedClaims(Map<String, Object> claims, UserClass userClass, String audience,
            AccessToken.TokenDigest digest) {
        this.claims = claims;
        this.userClass = userClass;
        this.userId = (String) claims.get(Claims.sub.name());
        this.issuer = (String) claims.get(Claims.iss.name());
        this.audience = audience;
        this.projectId = claims.get("project_id") instanceof String s ? s : UserClass.projectOf(audience);
        this.sessionId = claims.get("refresh_token_id") instanceof String s ? s : null;
        this.issuedAt = Instant.ofEpochSecond((Long) claims.get(Claims.iat.name()));
        this.expiresAt = Instant.ofEpochSecond((Long) claims.get(Claims.exp.name()));
        this.groups = groupsOf(userClass);
        this.digest = digest;
        this.estimatedBytes = estimate(claims);
    }

    /**
     * Normalises claims that {@link ClaimRules#check} accepted.
     *
     * @param restricted {@code is_restricted}, after the legacy fallback
     * @param restrictedReason {@code restricted_reason}, after the legacy fallback ({@code null} for none)
     */
    static VerifiedClaims of(Map<String, Object> c, UserClass userClass, boolean restricted, Object restrictedReason,
            long iat, long exp, AccessToken.TokenDigest digest) {
        Map<String, Object> m = new LinkedHashMap<>(c);
        m.put(Claims.iat.name(), iat);
        m.put(Claims.exp.name(), exp);
        m.put("is_restricted", restricted);
        m.put("restricted_reason", restrictedReason);
        // Legacy names (§3.5), so that getClaim() sees the current ones.
        m.putIfAbsent("branch_id", c.get("branchId"));
        m.putIfAbsent("refresh_token_id", c.get("refreshTokenId"));
        String audience = (String) c.get(Claims.aud.name());
        m.put(Claims.aud.name(), Set.of(audience));
        m.put(Claims.groups.name(), groupsOf(userClass));
        m.remove(Claims.raw_token.name()); // the principal answers it with the token presented
        m.values().removeIf(Objects::isNull);
        return new VerifiedClaims(Collections.unmodifiableMap(m), userClass, audience, digest);
    }

    Map<String, Object> claims() {
        return claims;
    }

    UserClass userClass() {
        return userClass;
    }

    String userId() {
        return userId;
    }

    String issuer() {
        return issuer;
    }

    String audience() {
        return audience;
    }

    String projectId() {
        return projectId;
    }

    String sessionId() {
        return sessionId;
    }

    Instant issuedAt() {
        return issuedAt;
    }

    Instant expiresAt() {
        return expiresAt;
    }

    Set<String> groups() {
        return groups;
    }

    AccessToken.TokenDigest digest() {
        return digest;
    }

    /** A generous estimate of the heap these claims hold, for the byte bound of the verified-token cache. */
    int estimatedBytes() {
        return estimatedBytes;
    }

    private static Set<String> groupsOf(UserClass userClass) {
        Set<String> g = new LinkedHashSet<>();
        g.add(HexclavePrincipal.AUTHENTICATED);
        if (userClass.group() != null) {
            g.add(userClass.group());
        }
        if (userClass == UserClass.ANONYMOUS) {
            g.add(UserClass.RESTRICTED.group()); // anonymous ⇒ restricted, as in Hexclave
        }
        return Collections.unmodifiableSet(g);
    }

    /** Object headers, map nodes, boxed values and strings (Latin-1: one byte a character, plus headers). */
    private static int estimate(Map<String, Object> claims) {
        int bytes = 400; // this object, its instants, sets and the map itself
        for (Map.Entry<String, Object> e : claims.entrySet()) {
            bytes += 48 + sizeOf(e.getKey()) + sizeOf(e.getValue());
        }
        return bytes;
    }

    private static int sizeOf(Object value) {
        if (value instanceof String s) {
            return 48 + 2 * s.length();
        }
        if (value instanceof Map<?, ?> m) {
            int bytes = 64;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                bytes += 32 + sizeOf(e.getKey()) + sizeOf(e.getValue());
            }
            return bytes;
        }
        if (value instanceof Iterable<?> it) {
            int bytes = 64;
            for (Object o : it) {
                bytes += 16 + sizeOf(o);
            }
            return bytes;
        }
        return 24;
    }
}
