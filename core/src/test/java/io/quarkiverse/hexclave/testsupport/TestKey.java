package io.quarkiverse.hexclave.testsupport;

import org.jose4j.jwk.EcJwkGenerator;
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.keys.EllipticCurves;
import org.jose4j.lang.JoseException;

/** A P-256 key pair with a key id, as Hexclave publishes them. */
public record TestKey(String kid, EllipticCurveJsonWebKey jwk) {

    public static TestKey generate(String kid) {
        try {
            EllipticCurveJsonWebKey jwk = EcJwkGenerator.generateJwk(EllipticCurves.P256);
            jwk.setKeyId(kid);
            jwk.setAlgorithm("ES256");
            return new TestKey(kid, jwk);
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The public JWK as JSON, as in a JWKS. */
    public String publicJson() {
        return jwk.toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
    }
}
