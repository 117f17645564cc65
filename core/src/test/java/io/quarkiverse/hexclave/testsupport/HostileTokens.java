package io.quarkiverse.hexclave.testsupport;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import io.quarkiverse.hexclave.verifier.RejectionReason;

/**
 * Malformed and hostile tokens, one line per vector, each with the reason it must be rejected for. A new vector is one
 * more line.
 */
public final class HostileTokens {

    /** A named token built against a fixture, and the reason the default verifier must give. */
    public record Case(String name, RejectionReason expected, Function<VerifierFixture, String> token) {
        @Override
        public String toString() {
            return name;
        }
    }

    private HostileTokens() {
    }

    public static List<Case> all() {
        return List.of(
                // --- algorithm and header -------------------------------------------------------------------
                c("alg none, no signature", RejectionReason.ALGORITHM_NOT_ALLOWED,
                        f -> unsigned(f, "{\"alg\":\"none\",\"kid\":\"kid-legacy-1\"}")),
                c("alg None (case variant)", RejectionReason.ALGORITHM_NOT_ALLOWED,
                        f -> unsigned(f, "{\"alg\":\"None\",\"kid\":\"kid-legacy-1\"}")),
                c("alg HS256 keyed with the public key (key confusion)", RejectionReason.ALGORITHM_NOT_ALLOWED,
                        f -> hmac(f, "HS256", "HmacSHA256")),
                c("alg HS384", RejectionReason.ALGORITHM_NOT_ALLOWED, f -> hmac(f, "HS384", "HmacSHA384")),
                c("alg HS512", RejectionReason.ALGORITHM_NOT_ALLOWED, f -> hmac(f, "HS512", "HmacSHA512")),
                c("alg RS256", RejectionReason.ALGORITHM_NOT_ALLOWED, f -> f.tokens.normal().header("alg", "RS256").mint()),
                c("alg PS256", RejectionReason.ALGORITHM_NOT_ALLOWED, f -> f.tokens.normal().header("alg", "PS256").mint()),
                c("alg ES384", RejectionReason.ALGORITHM_NOT_ALLOWED, f -> f.tokens.normal().header("alg", "ES384").mint()),
                c("alg ES512", RejectionReason.ALGORITHM_NOT_ALLOWED, f -> f.tokens.normal().header("alg", "ES512").mint()),
                c("alg es256 lower case", RejectionReason.ALGORITHM_NOT_ALLOWED, f -> f.tokens.normal().header("alg", "es256").mint()),
                c("alg missing", RejectionReason.ALGORITHM_NOT_ALLOWED, f -> f.tokens.normal().withoutHeader("alg").mint()),
                c("alg is a number", RejectionReason.ALGORITHM_NOT_ALLOWED, f -> f.tokens.normal().header("alg", 256).mint()),
                c("jku header pointing elsewhere", RejectionReason.FORBIDDEN_HEADER,
                        f -> f.tokens.normal().header("jku", "https://evil.example/jwks.json").mint()),
                c("x5u header", RejectionReason.FORBIDDEN_HEADER, f -> f.tokens.normal().header("x5u", "https://evil.example/cert").mint()),
                c("embedded jwk header", RejectionReason.FORBIDDEN_HEADER,
                        f -> f.tokens.normal().signedBy(f.foreignKey)
                                .header("jwk", Map.of("kty", "EC", "crv", "P-256", "x", "AA", "y", "AA")).mint()),
                c("x5c header", RejectionReason.FORBIDDEN_HEADER, f -> f.tokens.normal().header("x5c", List.of("MIIB")).mint()),
                c("crit header", RejectionReason.FORBIDDEN_HEADER,
                        f -> f.tokens.normal().header("crit", List.of("b64")).header("b64", false).mint()),
                c("JWE (five parts)", RejectionReason.ENCRYPTED,
                        f -> TokenFactory.b64("{\"alg\":\"RSA-OAEP\",\"enc\":\"A256GCM\"}") + ".a.b.c.d"),
                c("enc header on a JWS", RejectionReason.ENCRYPTED, f -> f.tokens.normal().header("enc", "A256GCM").mint()),
                // --- key id ---------------------------------------------------------------------------------------
                c("kid missing", RejectionReason.UNKNOWN_KEY, f -> f.tokens.normal().withoutHeader("kid").mint()),
                c("kid empty", RejectionReason.UNKNOWN_KEY, f -> f.tokens.normal().header("kid", "").mint()),
                c("kid is a number", RejectionReason.UNKNOWN_KEY, f -> f.tokens.normal().header("kid", 1).mint()),
                c("kid unknown", RejectionReason.UNKNOWN_KEY, f -> f.tokens.normal().header("kid", "nope").mint()),
                c("kid path traversal", RejectionReason.UNKNOWN_KEY, f -> f.tokens.normal().header("kid", "../../etc/passwd").mint()),
                c("kid of 10k characters", RejectionReason.MALFORMED, f -> f.tokens.normal().header("kid", "k".repeat(10_000)).mint()),
                // --- signature ------------------------------------------------------------------------------------
                c("signed by a foreign key under a known kid", RejectionReason.BAD_SIGNATURE,
                        f -> f.tokens.normal().signedWithKeepingKid(f.foreignKey).mint()),
                c("signature stripped", RejectionReason.BAD_SIGNATURE, f -> withSignature(f.tokens.normal().mint(), "")),
                c("signature truncated", RejectionReason.BAD_SIGNATURE, f -> {
                    String t = f.tokens.normal().mint();
                    return t.substring(0, t.length() - 10);
                }),
                c("signature all zeros (psychic signature)", RejectionReason.BAD_SIGNATURE,
                        f -> withSignature(f.tokens.normal().mint(), b64(new byte[64]))),
                c("signature r=s=0 in DER", RejectionReason.BAD_SIGNATURE,
                        f -> withSignature(f.tokens.normal().mint(), b64(new byte[] { 0x30, 0x06, 0x02, 0x01, 0x00, 0x02, 0x01, 0x00 }))),
                c("payload tampered after signing", RejectionReason.BAD_SIGNATURE, f -> {
                    String[] good = f.tokens.normal().mint().split("\\.");
                    String evil = f.tokens.normal().claim("sub", "00000000-0000-0000-0000-000000000000").mint().split("\\.")[1];
                    return good[0] + "." + evil + "." + good[2];
                }),
                c("signature of another token", RejectionReason.BAD_SIGNATURE,
                        f -> withSignature(f.tokens.normal().mint(), f.tokens.normal().claim("name", "x").mint().split("\\.")[2])),
                c("signature with non-base64 characters", RejectionReason.MALFORMED,
                        f -> withSignature(f.tokens.normal().mint(), "!!!!****")),
                // --- structure ------------------------------------------------------------------------------------
                c("two parts", RejectionReason.MALFORMED, f -> {
                    String t = f.tokens.normal().mint();
                    return t.substring(0, t.lastIndexOf('.'));
                }),
                c("four parts", RejectionReason.MALFORMED, f -> f.tokens.normal().mint() + ".x"),
                c("six parts", RejectionReason.MALFORMED, f -> f.tokens.normal().mint() + ".a.b.c"),
                c("header not base64url", RejectionReason.MALFORMED, f -> "e!!!." + f.tokens.normal().mint().split("\\.", 2)[1]),
                c("header not JSON", RejectionReason.MALFORMED, f -> f.tokens.normal().rawHeader("not json").mint()),
                c("header a JSON array", RejectionReason.MALFORMED, f -> f.tokens.normal().rawHeader("[\"ES256\"]").mint()),
                c("payload not JSON", RejectionReason.MALFORMED, f -> f.tokens.normal().rawPayload("hello").mint()),
                c("payload a JSON array", RejectionReason.MALFORMED, f -> f.tokens.normal().rawPayload("[1,2]").mint()),
                c("payload deeply nested", RejectionReason.MALFORMED,
                        f -> f.tokens.normal().rawPayload("[".repeat(2000) + "]".repeat(2000)).mint()),
                c("whitespace inside", RejectionReason.MALFORMED, f -> f.tokens.normal().mint().replaceFirst("\\.", " ."))
                ,
                c("Bearer prefix left on", RejectionReason.MALFORMED, f -> "Bearer " + f.tokens.normal().mint()),
                c("over 8 KiB", RejectionReason.MALFORMED, f -> f.tokens.normal().claim("pad", "x".repeat(9000)).mint()),
                c("empty", RejectionReason.MISSING, f -> ""),
                c("dots only", RejectionReason.MALFORMED, f -> ".."),
                // --- claims ---------------------------------------------------------------------------------------
                c("expired", RejectionReason.EXPIRED, f -> f.tokens.normal().expiresIn(Duration.ofMinutes(-10)).mint()),
                c("exp a string", RejectionReason.MISSING_CLAIM, f -> f.tokens.normal().claim("exp", "9999999999").mint()),
                c("exp missing", RejectionReason.MISSING_CLAIM, f -> f.tokens.normal().without("exp").mint()),
                c("iat missing", RejectionReason.MISSING_CLAIM, f -> f.tokens.normal().without("iat").mint()),
                c("issued an hour ahead", RejectionReason.NOT_YET_VALID, f -> f.tokens.normal().issuedIn(Duration.ofHours(1)).mint()),
                c("issuer of another service", RejectionReason.WRONG_ISSUER,
                        f -> f.tokens.normal().claim("iss", "https://accounts.example.com").mint()),
                c("issuer with a trailing slash", RejectionReason.WRONG_ISSUER,
                        f -> f.tokens.normal().claim("iss", f.tokens.normal().claims().get("iss") + "/").mint()),
                c("issuer of another project", RejectionReason.WRONG_ISSUER,
                        f -> f.tokens.normal().claim("iss", f.jwks.apiUrl() + "/api/v1/projects/7b3e7a48-1b5e-4a33-9d7e-000000000000").mint()),
                c("issuer on a look-alike host", RejectionReason.WRONG_ISSUER, f -> f.tokens.normal().issuerOrigin("http://127.0.0.1.evil.example").mint()),
                c("iss missing", RejectionReason.MISSING_CLAIM, f -> f.tokens.normal().without("iss").mint()),
                c("aud an array", RejectionReason.WRONG_AUDIENCE, f -> f.tokens.normal().claim("aud", List.of(f.projectId)).mint()),
                c("aud of another project", RejectionReason.WRONG_AUDIENCE,
                        f -> f.tokens.normal().claim("aud", "7b3e7a48-1b5e-4a33-9d7e-000000000000").mint()),
                c("aud with an unknown suffix", RejectionReason.WRONG_AUDIENCE, f -> f.tokens.normal().claim("aud", f.projectId + ":admin").mint()),
                c("aud with the project id as a prefix only", RejectionReason.WRONG_AUDIENCE,
                        f -> f.tokens.normal().claim("aud", f.projectId + "x").mint()),
                c("aud missing", RejectionReason.MISSING_CLAIM, f -> f.tokens.normal().without("aud").mint()),
                c("sub missing", RejectionReason.MISSING_CLAIM, f -> f.tokens.normal().without("sub").mint()),
                c("sub a number", RejectionReason.MISSING_CLAIM, f -> f.tokens.normal().claim("sub", 42).mint()),
                c("branch dev", RejectionReason.WRONG_BRANCH, f -> f.tokens.normal().claim("branch_id", "dev").mint()),
                c("branch missing", RejectionReason.MISSING_CLAIM, f -> f.tokens.normal().without("branch_id").mint()),
                c("is_anonymous missing", RejectionReason.MISSING_CLAIM, f -> f.tokens.normal().without("is_anonymous").mint()),
                c("is_anonymous a string", RejectionReason.MISSING_CLAIM, f -> f.tokens.normal().claim("is_anonymous", "false").mint()),
                c("email a number", RejectionReason.MISSING_CLAIM, f -> f.tokens.normal().claim("email", 7).mint()),
                c("restricted_reason a string", RejectionReason.INCONSISTENT_CLAIMS,
                        // signed with a key at hand, so that the claim rules judge it
                        f -> f.tokens.restricted().signedBy(f.key1).claim("restricted_reason", "email_not_verified").mint()),
                c("anonymous flags on a normal audience", RejectionReason.INCONSISTENT_CLAIMS,
                        f -> f.tokens.normal().claim("is_anonymous", true).claim("is_restricted", true)
                                .claim("restricted_reason", Map.of("type", "anonymous")).mint()),
                c("project_id of another project", RejectionReason.INCONSISTENT_CLAIMS,
                        f -> f.tokens.normal().claim("project_id", "7b3e7a48-1b5e-4a33-9d7e-000000000000").mint()),
                c("restricted user (not allowed by default)", RejectionReason.RESTRICTED_USER_NOT_ALLOWED, f -> f.tokens.restricted().mint()),
                c("anonymous user (not allowed by default)", RejectionReason.ANONYMOUS_USER_NOT_ALLOWED, f -> f.tokens.anonymous().mint()));
    }

    private static Case c(String name, RejectionReason expected, Function<VerifierFixture, String> token) {
        return new Case(name, expected, token);
    }

    private static String unsigned(VerifierFixture f, String header) {
        String t = f.tokens.normal().mint();
        return TokenFactory.b64(header) + "." + t.split("\\.")[1] + ".";
    }

    private static String hmac(VerifierFixture f, String alg, String jcaName) {
        String t = f.tokens.normal().header("alg", alg).mint();
        String input = t.substring(0, t.lastIndexOf('.'));
        try {
            Mac mac = Mac.getInstance(jcaName);
            mac.init(new SecretKeySpec(f.key1.publicJson().getBytes(StandardCharsets.UTF_8), jcaName));
            return input + "." + b64(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String withSignature(String token, String signature) {
        return token.substring(0, token.lastIndexOf('.') + 1) + signature;
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
