package io.quarkiverse.hexclave.benchmarks;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import com.sun.net.httpserver.HttpServer;

import io.quarkiverse.hexclave.config.HexclaveSettings;
import io.quarkiverse.hexclave.verifier.HexclaveTokenVerifier;

/**
 * A project for benchmarks: one P-256 key served as a JWKS on loopback, and a Hexclave-shaped token signed with it.
 */
final class BenchmarkProject implements AutoCloseable {

    final String projectId = UUID.randomUUID().toString();
    final KeyPair keys;
    final HttpServer server;
    final String token;
    final byte[] signingInput;
    final byte[] p1363Signature;

    BenchmarkProject() throws GeneralSecurityException, IOException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        keys = generator.generateKeyPair();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        String jwks = "{\"keys\":[" + jwk((ECPublicKey) keys.getPublic()) + "]}";
        server.createContext("/api/v1/projects/" + projectId + "/.well-known/jwks.json", exchange -> {
            byte[] body = jwks.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Cache-Control", "public, max-age=3600");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        long now = Instant.now().getEpochSecond();
        String origin = apiUrl();
        String header = b64("{\"alg\":\"ES256\",\"kid\":\"bench-kid\"}");
        String payload = b64("{\"sub\":\"" + UUID.randomUUID() + "\",\"project_id\":\"" + projectId
                + "\",\"branch_id\":\"main\",\"refresh_token_id\":\"" + UUID.randomUUID()
                + "\",\"role\":\"authenticated\",\"name\":\"Ada\",\"email\":\"ada@example.com\",\"email_verified\":true,"
                + "\"selected_team_id\":null,\"signed_up_at\":" + (now - 86400)
                + ",\"is_anonymous\":false,\"is_restricted\":false,\"restricted_reason\":null,\"requires_totp_mfa\":false,"
                + "\"iss\":\"" + origin + "/api/v1/projects/" + projectId + "\",\"iat\":" + now + ",\"aud\":\"" + projectId
                + "\",\"exp\":" + (now + 36_000) + "}");
        signingInput = (header + "." + payload).getBytes(StandardCharsets.US_ASCII);
        Signature signer = Signature.getInstance("SHA256withECDSAinP1363Format");
        signer.initSign(keys.getPrivate());
        signer.update(signingInput);
        p1363Signature = signer.sign();
        token = header + "." + payload + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(p1363Signature);
    }

    String apiUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /**
     * A verifier with warm keys; {@code cacheSize} 0 makes every call check the signature. {@code provider} null is
     * the default signature engine (BouncyCastle's lightweight ECDSA), else the named JCA provider.
     */
    HexclaveTokenVerifier verifier(String provider, int cacheSize) {
        HexclaveSettings settings = HexclaveSettings.builder(projectId).apiUrl(apiUrl()).jcaProvider(provider)
                .verifiedTokenCacheSize(cacheSize).build();
        HexclaveTokenVerifier verifier = HexclaveTokenVerifier.create(settings);
        if (!verifier.verify(token).accepted()) {
            throw new IllegalStateException("benchmark token not accepted");
        }
        return verifier;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private static String jwk(ECPublicKey key) {
        return "{\"kty\":\"EC\",\"crv\":\"P-256\",\"alg\":\"ES256\",\"kid\":\"bench-kid\",\"x\":\""
                + coordinate(key.getW().getAffineX()) + "\",\"y\":\"" + coordinate(key.getW().getAffineY()) + "\"}";
    }

    private static String coordinate(java.math.BigInteger v) {
        byte[] raw = v.toByteArray();
        byte[] fixed = new byte[32];
        int copy = Math.min(raw.length, 32);
        System.arraycopy(raw, raw.length - copy, fixed, 32 - copy, copy);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(fixed);
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
