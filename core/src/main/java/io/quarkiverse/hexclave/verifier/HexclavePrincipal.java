package io.quarkiverse.hexclave.verifier;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * A verified Hexclave access token as a MicroProfile {@link JsonWebToken}, with a typed accessor for every Hexclave
 * claim. {@link #getName()} is the user id; {@link #getGroups()} is {@code authenticated}, plus {@code restricted} or
 * {@code anonymous} for those user classes.
 * <p>
 * Claim values keep their JSON types: strings, {@code Long} numbers, booleans, and a {@code Map} for
 * {@code restricted_reason}; {@code aud} and {@code groups} are sets, as MicroProfile JWT requires.
 * Immutable and thread-safe. {@link #toString()} shows subject, issuer and expiry only: no e-mail, no token.
 */
public final class HexclavePrincipal implements JsonWebToken {

    /** The group every Hexclave principal has (and the value of the token's {@code role} claim). */
    public static final String AUTHENTICATED = "authenticated";

    private final String rawToken;
    private final Map<String, Object> claims;
    private final String userId;
    private final String projectId;
    private final String issuer;
    private final String audience;
    private final UserClass userClass;
    private final String sessionId;
    private final Instant issuedAt;
    private final Instant expiresAt;
    private final Set<String> groups;

    private HexclavePrincipal(String rawToken, Map<String, Object> claims, UserClass userClass) {
        this.rawToken = rawToken;
        this.userId = (String) claims.get(Claims.sub.name());
        this.issuer = (String) claims.get(Claims.iss.name());
        this.audience = (String) claims.get(Claims.aud.name());
        this.userClass = userClass;
        this.sessionId = firstString(claims, "refresh_token_id", "refreshTokenId");
        this.issuedAt = Instant.ofEpochSecond(((Number) claims.get(Claims.iat.name())).longValue());
        this.expiresAt = Instant.ofEpochSecond(((Number) claims.get(Claims.exp.name())).longValue());
        String pid = claims.get("project_id") instanceof String s ? s : audience.split(":", 2)[0];
        this.projectId = pid;

        Set<String> g = new LinkedHashSet<>();
        g.add(AUTHENTICATED);
        if (userClass.group() != null) {
            g.add(userClass.group());
        }
        if (userClass == UserClass.ANONYMOUS) {
            g.add(UserClass.RESTRICTED.group()); // anonymous ⇒ restricted, as in Hexclave
        }
        this.groups = Collections.unmodifiableSet(g);

        Map<String, Object> c = new LinkedHashMap<>(claims);
        c.put(Claims.aud.name(), Set.of(audience));
        c.put(Claims.groups.name(), groups);
        c.put(Claims.raw_token.name(), rawToken);
        // Legacy fallbacks (wire reference §3.5), so getClaim() sees the current names.
        c.putIfAbsent("branch_id", claims.get("branchId"));
        c.putIfAbsent("refresh_token_id", claims.get("refreshTokenId"));
        c.putIfAbsent("is_restricted", claims.get("is_anonymous"));
        if (!c.containsKey("restricted_reason") || c.get("restricted_reason") == null) {
            c.put("restricted_reason", Boolean.TRUE.equals(c.get("is_anonymous")) ? Map.of("type", "anonymous") : null);
        }
        c.values().removeIf(java.util.Objects::isNull);
        this.claims = Collections.unmodifiableMap(c);
    }

    /**
     * A principal over claims that were already verified (by {@link HexclaveTokenVerifier}, or by Hexclave itself
     * in REST verification). Applies the legacy fallbacks of the wire reference §3.5.
     *
     * @throws IllegalArgumentException if a claim every Hexclave token has ({@code sub}, {@code iss}, {@code aud},
     *         {@code iat}, {@code exp}, {@code is_anonymous}) is missing or mistyped
     */
    public static HexclavePrincipal fromVerifiedClaims(String rawToken, Map<String, Object> claims) {
        for (String name : new String[] { "sub", "iss", "aud" }) {
            if (!(claims.get(name) instanceof String)) {
                throw new IllegalArgumentException("claim " + name + " missing or not a string");
            }
        }
        for (String name : new String[] { "iat", "exp" }) {
            if (!(claims.get(name) instanceof Number)) {
                throw new IllegalArgumentException("claim " + name + " missing or not a number");
            }
        }
        if (!(claims.get("is_anonymous") instanceof Boolean)) {
            throw new IllegalArgumentException("claim is_anonymous missing or not a boolean");
        }
        String aud = (String) claims.get("aud");
        UserClass userClass = aud.endsWith(":anon") ? UserClass.ANONYMOUS
                : aud.endsWith(":restricted") ? UserClass.RESTRICTED : UserClass.NORMAL;
        return new HexclavePrincipal(rawToken, claims, userClass);
    }

    static HexclavePrincipal create(String rawToken, Map<String, Object> claims, UserClass userClass) {
        return new HexclavePrincipal(rawToken, claims, userClass);
    }

    // ---- Hexclave accessors ----------------------------------------------------------------------------------

    /** The user id ({@code sub}), a UUID. */
    public String userId() {
        return userId;
    }

    /** The project id ({@code project_id}, else the project part of {@code aud}). */
    public String projectId() {
        return projectId;
    }

    /** The session id ({@code refresh_token_id}), equal to the session's {@code id} in the sessions API. */
    public Optional<String> sessionId() {
        return Optional.ofNullable(sessionId);
    }

    /** The primary e-mail ({@code email}), if the user has one. */
    public Optional<String> email() {
        return Optional.ofNullable(stringClaim("email"));
    }

    /** Whether the primary e-mail is verified ({@code email_verified}). */
    public boolean emailVerified() {
        return Boolean.TRUE.equals(claims.get("email_verified"));
    }

    /** The display name ({@code name}), if set. */
    public Optional<String> displayName() {
        return Optional.ofNullable(stringClaim("name"));
    }

    /** The currently selected team ({@code selected_team_id}), if any. */
    public Optional<String> selectedTeamId() {
        return Optional.ofNullable(stringClaim("selected_team_id"));
    }

    /** Whether this is an anonymous (guest) user ({@code is_anonymous}). */
    public boolean anonymous() {
        return Boolean.TRUE.equals(claims.get("is_anonymous"));
    }

    /** Whether the user is restricted ({@code is_restricted}; anonymous users always are). */
    public boolean restricted() {
        return Boolean.TRUE.equals(claims.get("is_restricted"));
    }

    /**
     * Why the user is restricted ({@code restricted_reason.type}): {@code anonymous}, {@code email_not_verified} or
     * {@code restricted_by_administrator}; empty for a normal user.
     */
    public Optional<String> restrictedReason() {
        return claims.get("restricted_reason") instanceof Map<?, ?> m && m.get("type") instanceof String t
                ? Optional.of(t)
                : Optional.empty();
    }

    /** When the user signed up ({@code signed_up_at}, seconds), if the token says. */
    public Optional<Instant> signedUpAt() {
        return claims.get("signed_up_at") instanceof Number n ? Optional.of(Instant.ofEpochSecond(n.longValue()))
                : Optional.empty();
    }

    /** Whether the user has TOTP multi-factor authentication enabled ({@code requires_totp_mfa}). */
    public boolean requiresTotpMfa() {
        return Boolean.TRUE.equals(claims.get("requires_totp_mfa"));
    }

    /** The configuration branch ({@code branch_id}); always {@code main} for an accepted token. */
    public String branchId() {
        Object b = claims.get("branch_id");
        return b instanceof String s ? s : "main";
    }

    /** Normal, restricted or anonymous, from the token's audience. */
    public UserClass userClass() {
        return userClass;
    }

    /** {@code iat} as an instant. */
    public Instant issuedAt() {
        return issuedAt;
    }

    /** {@code exp} as an instant. */
    public Instant expiresAt() {
        return expiresAt;
    }

    /** The single audience string ({@code aud}), e.g. {@code <projectId>} or {@code <projectId>:anon}. */
    public String audience() {
        return audience;
    }

    // ---- JsonWebToken ------------------------------------------------------------------------------------------

    @Override
    public String getName() {
        return userId;
    }

    @Override
    public String getRawToken() {
        return rawToken;
    }

    @Override
    public String getIssuer() {
        return issuer;
    }

    @Override
    public Set<String> getAudience() {
        return Set.of(audience);
    }

    @Override
    public String getSubject() {
        return userId;
    }

    @Override
    public long getExpirationTime() {
        return expiresAt.getEpochSecond();
    }

    @Override
    public long getIssuedAtTime() {
        return issuedAt.getEpochSecond();
    }

    @Override
    public Set<String> getGroups() {
        return groups;
    }

    @Override
    public Set<String> getClaimNames() {
        return claims.keySet();
    }

    @Override
    public boolean containsClaim(String claimName) {
        return claims.containsKey(claimName);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T getClaim(String claimName) {
        return (T) claims.get(claimName);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HexclavePrincipal p && p.rawToken.equals(rawToken);
    }

    @Override
    public int hashCode() {
        return rawToken.hashCode();
    }

    @Override
    public String toString() {
        return "HexclavePrincipal[sub=" + userId + ", iss=" + issuer + ", exp=" + expiresAt + "]";
    }

    private String stringClaim(String name) {
        return claims.get(name) instanceof String s ? s : null;
    }

    private static String firstString(Map<String, Object> claims, String name, String legacy) {
        Object v = claims.get(name);
        if (!(v instanceof String)) {
            v = claims.get(legacy);
        }
        return v instanceof String s ? s : null;
    }
}
