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
    private final VerifiedClaims verified;
    private final Map<String, Object> claims;

    /** A presentation of a verified token: its claims are shared, the raw token is the one presented. */
    HexclavePrincipal(String rawToken, VerifiedClaims verified) {
        this.rawToken = rawToken;
        this.verified = verified;
        this.claims = verified.claims();
    }

    VerifiedClaims verified() {
        return verified;
    }

    // ---- Hexclave accessors ----------------------------------------------------------------------------------

    /** The user id ({@code sub}), a UUID. */
    public String userId() {
        return verified.userId();
    }

    /**
     * A stable id of this token, for deny-lists and correlation: the unpadded base64url SHA-256 of the token's signed
     * part (its header and payload). It does not depend on how the signature was encoded, so every acceptable
     * spelling of one token has the same id. Not secret, but not the token either: it cannot be replayed.
     */
    public String tokenId() {
        return verified.digest().id();
    }

    /** The project id ({@code project_id}, else the project part of {@code aud}). */
    public String projectId() {
        return verified.projectId();
    }

    /** The session id ({@code refresh_token_id}), equal to the session's {@code id} in the sessions API. */
    public Optional<String> sessionId() {
        return Optional.ofNullable(verified.sessionId());
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
        return verified.userClass();
    }

    /** {@code iat} as an instant. */
    public Instant issuedAt() {
        return verified.issuedAt();
    }

    /** {@code exp} as an instant. */
    public Instant expiresAt() {
        return verified.expiresAt();
    }

    /** The single audience string ({@code aud}), e.g. {@code <projectId>} or {@code <projectId>:anon}. */
    public String audience() {
        return verified.audience();
    }

    // ---- JsonWebToken ------------------------------------------------------------------------------------------

    @Override
    public String getName() {
        return verified.userId();
    }

    @Override
    public String getRawToken() {
        return rawToken;
    }

    @Override
    public String getIssuer() {
        return verified.issuer();
    }

    @Override
    public Set<String> getAudience() {
        return Set.of(verified.audience());
    }

    @Override
    public String getSubject() {
        return verified.userId();
    }

    @Override
    public long getExpirationTime() {
        return verified.expiresAt().getEpochSecond();
    }

    @Override
    public long getIssuedAtTime() {
        return verified.issuedAt().getEpochSecond();
    }

    @Override
    public Set<String> getGroups() {
        return verified.groups();
    }

    @Override
    public Set<String> getClaimNames() {
        Set<String> names = new LinkedHashSet<>(claims.keySet());
        names.add(Claims.raw_token.name());
        return Collections.unmodifiableSet(names);
    }

    @Override
    public boolean containsClaim(String claimName) {
        return Claims.raw_token.name().equals(claimName) || claims.containsKey(claimName);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T getClaim(String claimName) {
        return (T) (Claims.raw_token.name().equals(claimName) ? rawToken : claims.get(claimName));
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
        return "HexclavePrincipal[sub=" + verified.userId() + ", iss=" + verified.issuer() + ", exp="
                + verified.expiresAt() + "]";
    }

    private String stringClaim(String name) {
        return claims.get(name) instanceof String s ? s : null;
    }

}
