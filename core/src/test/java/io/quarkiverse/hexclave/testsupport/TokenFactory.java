package io.quarkiverse.hexclave.testsupport;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.jose4j.json.JsonUtil;

import io.quarkiverse.hexclave.verifier.UserClass;

/**
 * Mints real ES256 Hexclave access tokens (wire reference §3) with one knob per property, so a test changes exactly
 * one thing against a valid token.
 */
public final class TokenFactory {

    private final String projectId;
    private final String origin;
    private final Clock clock;
    private final TestKey signingKey;
    private final Map<UserClass, TestKey> classKeys;

    public TokenFactory(String projectId, String origin, Clock clock, TestKey signingKey) {
        this(projectId, origin, clock, signingKey, Map.of());
    }

    /** Tokens of the classes in {@code classKeys} are signed with their class's key; the others with {@code signingKey}. */
    public TokenFactory(String projectId, String origin, Clock clock, TestKey signingKey, Map<UserClass, TestKey> classKeys) {
        this.projectId = projectId;
        this.origin = origin;
        this.clock = clock;
        this.signingKey = signingKey;
        this.classKeys = Map.copyOf(classKeys);
    }

    public Builder normal() {
        return new Builder(UserClass.NORMAL);
    }

    public Builder restricted() {
        return new Builder(UserClass.RESTRICTED);
    }

    public Builder anonymous() {
        return new Builder(UserClass.ANONYMOUS);
    }

    public final class Builder {
        private final Map<String, Object> header = new LinkedHashMap<>();
        private final Map<String, Object> claims = new LinkedHashMap<>();
        private TestKey key;
        private String rawHeaderJson;
        private String rawPayloadJson;

        Builder(UserClass userClass) {
            long now = clock.instant().getEpochSecond();
            key = classKeys.getOrDefault(userClass, signingKey);
            header.put("alg", "ES256");
            header.put("kid", key.kid());
            claims.put("sub", UUID.randomUUID().toString());
            claims.put("project_id", projectId);
            claims.put("branch_id", "main");
            claims.put("refresh_token_id", UUID.randomUUID().toString());
            claims.put("role", "authenticated");
            claims.put("name", "Ada Lovelace");
            claims.put("email", "ada@example.com");
            claims.put("email_verified", userClass == UserClass.NORMAL);
            claims.put("selected_team_id", null);
            claims.put("signed_up_at", now - 86_400);
            claims.put("is_anonymous", userClass == UserClass.ANONYMOUS);
            claims.put("is_restricted", userClass != UserClass.NORMAL);
            claims.put("restricted_reason", switch (userClass) {
                case NORMAL -> null;
                case RESTRICTED -> Map.of("type", "email_not_verified");
                case ANONYMOUS -> Map.of("type", "anonymous");
            });
            claims.put("requires_totp_mfa", false);
            claims.put("iss", userClass.issuer(origin, projectId));
            claims.put("iat", now);
            claims.put("aud", userClass.audience(projectId));
            claims.put("exp", now + 600);
        }

        public Builder claim(String name, Object value) {
            claims.put(name, value);
            return this;
        }

        public Builder without(String name) {
            claims.remove(name);
            return this;
        }

        public Builder header(String name, Object value) {
            header.put(name, value);
            return this;
        }

        public Builder withoutHeader(String name) {
            header.remove(name);
            return this;
        }

        public Builder expiresIn(Duration d) {
            claims.put("exp", clock.instant().plus(d).getEpochSecond());
            return this;
        }

        public Builder issuedIn(Duration d) {
            claims.put("iat", clock.instant().plus(d).getEpochSecond());
            return this;
        }

        public Builder issuerOrigin(String o) {
            String iss = (String) claims.get("iss");
            claims.put("iss", o + iss.substring(iss.indexOf("/api/v1/")));
            return this;
        }

        public Builder signedBy(TestKey k) {
            this.key = k;
            header.put("kid", k.kid());
            return this;
        }

        /** Signs with {@code k} but keeps the header's kid (a forged signature under a known kid). */
        public Builder signedWithKeepingKid(TestKey k) {
            this.key = k;
            return this;
        }

        public Builder rawHeader(String json) {
            this.rawHeaderJson = json;
            return this;
        }

        public Builder rawPayload(String json) {
            this.rawPayloadJson = json;
            return this;
        }

        public Map<String, Object> claims() {
            return claims;
        }

        /** A signed compact JWS. Header and payload are encoded as given, then signed with the key's private part. */
        public String mint() {
            String h = b64(rawHeaderJson != null ? rawHeaderJson : JsonUtil.toJson(header));
            String p = b64(rawPayloadJson != null ? rawPayloadJson : JsonUtil.toJson(claims));
            return h + "." + p + "." + sign(h + "." + p, key);
        }
    }

    public static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    /** ES256 signature (raw r‖s, base64url) over {@code signingInput}, with the JDK's P1363 ECDSA. */
    public static String sign(String signingInput, TestKey key) {
        try {
            java.security.Signature sig = java.security.Signature.getInstance("SHA256withECDSAinP1363Format");
            sig.initSign(key.jwk().getPrivateKey());
            sig.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(sig.sign());
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
