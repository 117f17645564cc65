package io.quarkiverse.hexclave.emulator.internal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.jose4j.jwk.EcJwkGenerator;
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.keys.EllipticCurves;
import org.jose4j.lang.JoseException;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkiverse.hexclave.emulator.UserClass;

/**
 * The signing keys: two P-256 keys per user class (like Hexclave's legacy- and current-derivation keys, §3.4),
 * the first of each class signs. Rotation replaces them; the previous generation can be kept in the JWKS.
 * Lock-free reads of an immutable snapshot.
 */
public final class KeyRing {

    /** One key pair, bound to the user class (audience) it signs for. */
    public record SigningKey(UserClass userClass, String kid, EllipticCurveJsonWebKey jwk) {
        @Override
        public String toString() {
            return "SigningKey[" + userClass + ", kid=" + kid + "]";
        }
    }

    private record Generation(Map<UserClass, List<SigningKey>> current, Map<UserClass, List<SigningKey>> retained) {
    }

    private volatile Generation generation;
    private final SigningKey foreign;

    public KeyRing() {
        this.generation = new Generation(newKeys(), new EnumMap<>(UserClass.class));
        this.foreign = newKey(UserClass.NORMAL);
    }

    /** New keys (new kids) for every class; with {@code keepOld} the previous keys stay published (not signing). */
    public synchronized void rotate(boolean keepOld) {
        Generation old = generation;
        generation = new Generation(newKeys(), keepOld ? old.current() : new EnumMap<>(UserClass.class));
    }

    /** The key that signs tokens of a class: the first of the class. */
    public SigningKey signingKey(UserClass userClass) {
        return generation.current().get(userClass).get(0);
    }

    /** A key that is not (and never will be) in the JWKS. */
    public SigningKey foreignKey() {
        return foreign;
    }

    /** The published key with this kid, or {@code null}. */
    public SigningKey find(String kid) {
        for (SigningKey key : published(true, true)) {
            if (key.kid().equals(kid)) {
                return key;
            }
        }
        return null;
    }

    /** Published keys in JWKS order: normal, restricted, anonymous; within a class current keys, then retained ones. */
    public List<SigningKey> published(boolean includeRestricted, boolean includeAnonymous) {
        Generation g = generation;
        List<SigningKey> out = new ArrayList<>();
        List<UserClass> classes = new ArrayList<>(List.of(UserClass.NORMAL));
        if (includeRestricted || includeAnonymous) {
            classes.add(UserClass.RESTRICTED);
        }
        if (includeAnonymous) {
            classes.add(UserClass.ANONYMOUS);
        }
        for (UserClass c : classes) {
            out.addAll(g.current().get(c));
            out.addAll(g.retained().getOrDefault(c, List.of()));
        }
        return out;
    }

    /** The JWKS document {@code {"keys":[…]}} with public members only. */
    public ObjectNode jwks(boolean includeRestricted, boolean includeAnonymous) {
        ObjectNode doc = Json.object();
        ArrayNode keys = doc.putArray("keys");
        for (SigningKey key : published(includeRestricted, includeAnonymous)) {
            Map<String, Object> params = key.jwk().toParams(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
            ObjectNode k = keys.addObject();
            k.put("kty", "EC");
            k.put("alg", "ES256");
            k.put("crv", "P-256");
            k.put("x", (String) params.get("x"));
            k.put("y", (String) params.get("y"));
            k.put("kid", key.kid());
        }
        return doc;
    }

    private static Map<UserClass, List<SigningKey>> newKeys() {
        Map<UserClass, List<SigningKey>> keys = new EnumMap<>(UserClass.class);
        for (UserClass c : UserClass.values()) {
            keys.put(c, List.of(newKey(c), newKey(c)));
        }
        return keys;
    }

    private static SigningKey newKey(UserClass userClass) {
        try {
            EllipticCurveJsonWebKey jwk = EcJwkGenerator.generateJwk(EllipticCurves.P256);
            String kid = Randoms.kid();
            jwk.setKeyId(kid);
            jwk.setAlgorithm("ES256");
            return new SigningKey(userClass, kid, jwk);
        } catch (JoseException e) {
            throw new IllegalStateException("Cannot generate a P-256 key", e);
        }
    }
}
