package io.quarkiverse.hexclave.emulator;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkiverse.hexclave.emulator.internal.AccessTokenSigner;
import io.quarkiverse.hexclave.emulator.internal.EmulatedProject;
import io.quarkiverse.hexclave.emulator.internal.EmulatorStore;
import io.quarkiverse.hexclave.emulator.internal.Json;
import io.quarkiverse.hexclave.emulator.internal.KeyRing;
import io.quarkiverse.hexclave.emulator.internal.StoredUser;

/**
 * Mints one access token for a user with one knob per property, for hostile-token tests. With no knob turned,
 * {@link #mint()} returns exactly what {@link HexclaveEmulator#mintAccessToken(EmulatedUser)} returns: a genuine token
 * of the user's class, for a new session. Each knob changes one thing and leaves the rest consistent; the
 * "deliberately broken" knobs ({@link #header}, {@link #kid}, {@link #algorithm}, {@link #signWithForeignKey()})
 * break exactly what they name.
 * <p>
 * Not thread-safe; use one builder per token.
 */
public final class TokenBuilder {

    private final EmulatedProject project;
    private final EmulatedUser user;
    private UserClass userClass;
    private Duration expiresIn;
    private Instant issuedAt;
    private String issuerOrigin;
    private String issuer;
    private String audience;
    private String refreshTokenId;
    private final Map<String, JsonNode> claims = new LinkedHashMap<>();
    private final Set<String> removedClaims = new LinkedHashSet<>();
    private final Map<String, JsonNode> headers = new LinkedHashMap<>();
    private final Set<String> removedHeaders = new LinkedHashSet<>();
    private String kid;
    private String algorithm;
    private boolean foreignKey;

    TokenBuilder(EmulatedProject project, EmulatedUser user) {
        this.project = project;
        this.user = Objects.requireNonNull(user, "user");
    }

    /** The class to mint for (default: the user's): picks issuer, audience, signing key and class claims consistently. */
    public TokenBuilder userClass(UserClass userClass) {
        this.userClass = Objects.requireNonNull(userClass, "userClass");
        return this;
    }

    /** {@code exp - iat} (default: the emulator's access-token lifetime); negative for an already expired token. */
    public TokenBuilder expiresIn(Duration expiresIn) {
        this.expiresIn = Objects.requireNonNull(expiresIn, "expiresIn");
        return this;
    }

    /** The {@code iat} (default: now); {@code exp} stays {@code iat + expiresIn}. */
    public TokenBuilder issuedAt(Instant issuedAt) {
        this.issuedAt = Objects.requireNonNull(issuedAt, "issuedAt");
        return this;
    }

    /** The origin used to build {@code iss} (default: the emulator's issuer origin), e.g. {@code https://api.stack-auth.com}. */
    public TokenBuilder issuerOrigin(String origin) {
        this.issuerOrigin = Objects.requireNonNull(origin, "origin");
        return this;
    }

    /** The whole {@code iss} claim, overriding the class-derived issuer. */
    public TokenBuilder issuer(String issuer) {
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        return this;
    }

    /** The {@code aud} claim (a single string), overriding the class-derived audience. */
    public TokenBuilder audience(String audience) {
        this.audience = Objects.requireNonNull(audience, "audience");
        return this;
    }

    /** The {@code refresh_token_id} (default: the id of a new session created for the user). */
    public TokenBuilder refreshTokenId(String refreshTokenId) {
        this.refreshTokenId = Objects.requireNonNull(refreshTokenId, "refreshTokenId");
        return this;
    }

    /**
     * Sets any claim to any Jackson-serialisable value ({@code null} gives JSON null), replacing a generated one.
     * Applied after the class-derived claims, so it wins over them (e.g. {@code claim("aud", List.of(id))}).
     */
    public TokenBuilder claim(String name, Object value) {
        removedClaims.remove(name);
        claims.put(Objects.requireNonNull(name, "name"), Json.tree(value));
        return this;
    }

    /** Removes a claim from the payload (e.g. {@code removeClaim("exp")}). */
    public TokenBuilder removeClaim(String name) {
        claims.remove(name);
        removedClaims.add(Objects.requireNonNull(name, "name"));
        return this;
    }

    /** Adds (or replaces) a protected-header member, e.g. {@code header("jku", "http://evil")} or {@code header("typ", "JWT")}. */
    public TokenBuilder header(String name, Object value) {
        removedHeaders.remove(name);
        headers.put(Objects.requireNonNull(name, "name"), Json.tree(value));
        return this;
    }

    /** Removes a protected-header member, e.g. {@code removeHeader("kid")}. */
    public TokenBuilder removeHeader(String name) {
        headers.remove(name);
        removedHeaders.add(Objects.requireNonNull(name, "name"));
        return this;
    }

    /** The {@code kid} header (default: the kid of the class's signing key); the token is still signed by that key. */
    public TokenBuilder kid(String kid) {
        this.kid = Objects.requireNonNull(kid, "kid");
        return this;
    }

    /**
     * The {@code alg} header (default {@code ES256}). {@code HS256/384/512} sign with HMAC keyed by the public key's
     * encoded bytes (algorithm confusion), {@code none} leaves the signature empty, and any other value keeps an ES256
     * signature under the false algorithm name.
     */
    public TokenBuilder algorithm(String algorithm) {
        this.algorithm = Objects.requireNonNull(algorithm, "algorithm");
        return this;
    }

    /**
     * Signs with a P-256 key that is not in the JWKS. The {@code kid} header stays the genuine signing key's kid
     * (so the token tests signature verification, not kid lookup); combine with {@link #kid(String)} to change it.
     */
    public TokenBuilder signWithForeignKey() {
        this.foreignKey = true;
        return this;
    }

    /** Builds and signs the token. */
    public String mint() {
        EmulatorStore store = project.store();
        StoredUser row;
        String sessionId = refreshTokenId;
        synchronized (store) {
            row = store.user(user.id());
            if (row == null) {
                row = fromSnapshot(user);
            } else if (sessionId == null) {
                sessionId = store.createSession(row.id, EmulatorStore.DEFAULT_SESSION_MILLIS, false).id;
            }
        }
        if (sessionId == null) {
            sessionId = UUID.randomUUID().toString();
        }
        UserClass cls = userClass != null ? userClass : project.userClass(row);
        long iat = (issuedAt != null ? issuedAt.toEpochMilli() : store.nowMillis()) / 1000;
        long exp = iat + (expiresIn != null ? expiresIn : project.settings().accessTokenLifetime()).toSeconds();
        ObjectNode payload = project.claims(row, sessionId, cls,
                issuerOrigin != null ? issuerOrigin : project.issuerOrigin(), iat, exp);
        if (issuer != null) {
            payload.put("iss", issuer);
        }
        if (audience != null) {
            payload.put("aud", audience);
        }
        claims.forEach(payload::set);
        removedClaims.forEach(payload::remove);

        KeyRing.SigningKey genuine = project.keyRing().signingKey(cls);
        ObjectNode header = Json.object();
        header.put("alg", algorithm != null ? algorithm : "ES256");
        header.put("kid", kid != null ? kid : genuine.kid());
        headers.forEach(header::set);
        removedHeaders.forEach(header::remove);
        return AccessTokenSigner.sign(header, payload, foreignKey ? project.keyRing().foreignKey() : genuine);
    }

    private static StoredUser fromSnapshot(EmulatedUser u) {
        StoredUser row = new StoredUser(u.id());
        row.updatePrimaryEmail(true, u.primaryEmail(), u.primaryEmailVerified(), false, u.signedUpAt().toEpochMilli());
        row.displayName = u.displayName();
        row.anonymous = u.anonymous();
        row.restrictedByAdmin = u.restrictedByAdmin();
        row.restrictedByAdminReason = u.restrictedByAdminReason();
        row.selectedTeamId = u.selectedTeamId();
        row.requiresTotpMfa = u.requiresTotpMfa();
        row.signedUpAtMillis = u.signedUpAt().toEpochMilli();
        return row;
    }

    @Override
    public String toString() {
        return "TokenBuilder[user=" + user.id() + "]";
    }
}
