package io.quarkiverse.hexclave.verifier;

import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
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

    private VerifiedClaims(Map<String, Object> claims, UserClass userClass, String audience, Issuers issuers,
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
        this.groups = GROUPS.get(userClass);
        this.digest = digest;
        this.estimatedBytes = estimate(claims, issuers);
    }

    /**
     * Normalises claims that {@link ClaimRules#check} accepted.
     *
     * @param restricted {@code is_restricted}, after the legacy fallback
     * @param restrictedReason {@code restricted_reason}, after the legacy fallback ({@code null} for none)
     * @param issuers the project's issuers, whose instances of the recurring values are shared
     */
    static VerifiedClaims of(Map<String, Object> c, UserClass userClass, boolean restricted, Object restrictedReason,
            long iat, long exp, Issuers issuers, AccessToken.TokenDigest digest) {
        Map<String, Object> m = new HashMap<>(c);
        m.put(Claims.iat.name(), iat);
        m.put(Claims.exp.name(), exp);
        m.put("is_restricted", restricted);
        m.put("restricted_reason", restrictedReason);
        // Legacy names (§3.5), so that getClaim() sees the current ones.
        m.putIfAbsent("branch_id", c.get("branchId"));
        m.putIfAbsent("refresh_token_id", c.get("refreshTokenId"));
        String audience = (String) c.get(Claims.aud.name());
        m.put(Claims.aud.name(), Set.of(audience));
        m.put(Claims.groups.name(), GROUPS.get(userClass));
        m.remove(Claims.raw_token.name()); // the principal answers it with the token presented
        m.values().removeIf(Objects::isNull);
        // Values every token of the project repeats are kept once: the cache then holds only what differs.
        m.replace("iss", issuers.canonical((String) m.get("iss")));
        m.replace("project_id", issuers.projectId().equals(m.get("project_id")) ? issuers.projectId() : m.get("project_id"));
        m.replace("branch_id", "main".equals(m.get("branch_id")) ? "main" : m.get("branch_id"));
        m.replace("role", HexclavePrincipal.AUTHENTICATED.equals(m.get("role")) ? HexclavePrincipal.AUTHENTICATED : m.get("role"));
        audience = issuers.audience(userClass);
        m.put(Claims.aud.name(), Set.of(audience));
        return new VerifiedClaims(Map.copyOf(m), userClass, audience, issuers, digest);
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

    private static final Map<UserClass, Set<String>> GROUPS = Map.of(UserClass.NORMAL, groupsOf(UserClass.NORMAL),
            UserClass.RESTRICTED, groupsOf(UserClass.RESTRICTED), UserClass.ANONYMOUS, groupsOf(UserClass.ANONYMOUS));

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

    /**
     * The heap these claims hold, estimated from their structure (measured against the real footprint by
     * {@code VerifiedTokenCacheTest}): this object, the compact map's table, and each value that is not shared with
     * every other token of the project.
     */
    private static int estimate(Map<String, Object> claims, Issuers issuers) {
        int bytes = 160 + 16 * claims.size();
        for (Map.Entry<String, Object> e : claims.entrySet()) {
            bytes += sizeOf(e.getValue(), issuers);
        }
        return bytes;
    }

    private static int sizeOf(Object value, Issuers issuers) {
        if (value instanceof String s) {
            boolean shared = s == issuers.projectId() || (issuers.isIssuer(s) && s == issuers.canonical(s))
                    || s == "main" || s == HexclavePrincipal.AUTHENTICATED; // the instances of() put in
            return shared ? 0 : 48 + 2 * s.length();
        }
        if (value instanceof Boolean || value == null) {
            return 0;
        }
        if (value instanceof Long || value instanceof Integer || value instanceof Double) {
            return 16;
        }
        if (value instanceof Set<?> set && set.size() <= 3 && set.stream().allMatch(String.class::isInstance)) {
            return 24; // aud, groups: shared strings in a small set (groups shared altogether)
        }
        if (value instanceof Map<?, ?> m) {
            int bytes = 48;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                bytes += 32 + sizeOf(e.getKey(), issuers) + sizeOf(e.getValue(), issuers);
            }
            return bytes;
        }
        if (value instanceof Iterable<?> it) {
            int bytes = 48;
            for (Object o : it) {
                bytes += 8 + sizeOf(o, issuers);
            }
            return bytes;
        }
        return 64;
    }
}
