package io.quarkiverse.hexclave.emulator.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.util.Base64;

import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.keys.HmacKey;
import org.jose4j.lang.JoseException;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Serialises and signs JWS compact tokens with jose4j, keeping the protected header exactly as given (member order
 * included). Deliberately broken algorithms are supported for hostile-token tests:
 * <ul>
 * <li>{@code ES256}: signed with the given P-256 key (the normal case);</li>
 * <li>{@code HS256/384/512}: HMAC keyed with the public key's encoded bytes (the classic algorithm-confusion attack);</li>
 * <li>{@code none}: no signature;</li>
 * <li>anything else: the header names that algorithm but the signature is an ES256 signature.</li>
 * </ul>
 */
public final class AccessTokenSigner {

    private AccessTokenSigner() {
    }

    public static String sign(ObjectNode header, ObjectNode payload, KeyRing.SigningKey key) {
        String alg = header.path("alg").asText("");
        String headerJson = Json.write(header);
        String payloadJson = Json.write(payload);
        try {
            if (alg.equals("ES256") || alg.startsWith("HS") || alg.equals("none")) {
                JsonWebSignature jws = new JsonWebSignature();
                jws.getHeaders().setFullHeaderAsJsonString(headerJson);
                jws.setPayload(payloadJson);
                if (alg.startsWith("HS")) {
                    jws.setKey(new HmacKey(key.jwk().getPublicKey().getEncoded()));
                    jws.setDoKeyValidation(false);
                } else if (alg.equals("none")) {
                    jws.setAlgorithmConstraints(AlgorithmConstraints.NO_CONSTRAINTS);
                } else {
                    jws.setKey(key.jwk().getPrivateKey());
                }
                return jws.getCompactSerialization();
            }
            return signManually(headerJson, payloadJson, key);
        } catch (JoseException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot sign a token with alg " + alg, e);
        }
    }

    private static String signManually(String headerJson, String payloadJson, KeyRing.SigningKey key)
            throws GeneralSecurityException {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String input = b64.encodeToString(headerJson.getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(payloadJson.getBytes(StandardCharsets.UTF_8));
        Signature signature = Signature.getInstance("SHA256withECDSAinP1363Format");
        signature.initSign(key.jwk().getPrivateKey());
        signature.update(input.getBytes(StandardCharsets.US_ASCII));
        return input + "." + b64.encodeToString(signature.sign());
    }
}
