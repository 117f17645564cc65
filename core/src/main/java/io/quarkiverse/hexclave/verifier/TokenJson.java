package io.quarkiverse.hexclave.verifier;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Map;

import org.jose4j.json.JsonUtil;
import org.jose4j.lang.JoseException;

/**
 * Reads a token's header or payload with jose4j's JSON parser ({@link JsonUtil#parseJson(String)}, a fork of
 * json-simple), the one that already reads the key set on the same first request and the one smallrye-jwt reads these
 * same tokens with. Reading them with jackson-core instead loaded its 72 classes on the first authenticated
 * request of an application that needs Jackson for nothing else (see the performance page).
 * <p>
 * The values are those Jackson's data binding gives an untyped {@code Map<String, Object>} with
 * {@code USE_LONG_FOR_INTS}: objects as ordered {@link java.util.LinkedHashMap}s (jose4j's subclass, which refuses a
 * second {@code put} of a name), arrays as {@link List}s, integers as {@link Long}, other numbers as {@link Double}
 * ({@code 1e400} is infinity), and {@link String}, {@link Boolean} and {@code null}. Refused: input that is not UTF-8,
 * a root that is not an object, duplicate member names, anything after the object, integers beyond a long, and
 * nesting deeper than {@value #MAX_DEPTH} levels (a token's claims are nested two levels at most; the depth is checked
 * without recursion, so a deeply nested input is refused, never a {@link StackOverflowError}).
 * <p>
 * jose4j's parser is more lenient than Jackson's, and the difference is harmless here. It reads separators loosely
 * (commas between values and members may be missing, repeated, leading or trailing: {@code [1 2,,]} is {@code [1, 2]};
 * the colon after a name may be missing or repeated), leading zeros ({@code 007} is 7), an unknown or short escape as
 * the characters themselves ({@code "\x"} is a backslash and an x), and control characters unescaped in strings.
 * Nothing read from a token is trusted before the ES256 signature over the exact base64url bytes of its header and
 * payload is verified (by the verifier, or by Hexclave for the REST verifier), and only Hexclave can sign: a lenient
 * read of a forged header or payload still ends in a rejected token, and the tokens Hexclave signs are well-formed
 * JSON, which both parsers read alike. Before that, unverified claims only ever turn a token away early.
 */
final class TokenJson {

    /** Deepest nesting read: the root object is level 1. */
    static final int MAX_DEPTH = 100;

    private TokenJson() {
    }

    /**
     * The JSON object the UTF-8 bytes {@code json} hold.
     *
     * @throws IOException when they are refused (see the class comment). Its message never quotes the input, and it
     *         has no cause (the parser's messages do quote it); still, never show it to a caller.
     */
    static Map<String, Object> readObject(byte[] json) throws IOException {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(json)).toString();
        } catch (CharacterCodingException e) {
            throw new IOException("not UTF-8");
        }
        Map<String, Object> object;
        try {
            object = JsonUtil.parseJson(text);
        } catch (JoseException | RuntimeException e) {
            // JsonUtil wraps what it knows of (a duplicate name, a root that is no object) in a JoseException; any
            // other failure on untrusted input is a refusal too, and never quoted.
            throw new IOException("not a single JSON object");
        }
        checkNumbersAndDepth(object);
        return object;
    }

    /** Refuses integers beyond a long and nesting beyond {@link #MAX_DEPTH}, walking the values without recursion. */
    private static void checkNumbersAndDepth(Map<String, Object> root) throws IOException {
        Deque<Collection<?>> pending = new ArrayDeque<>();
        Deque<Integer> depths = new ArrayDeque<>();
        pending.push(root.values());
        depths.push(1);
        while (!pending.isEmpty()) {
            Collection<?> values = pending.pop();
            int depth = depths.pop();
            for (Object value : values) {
                if (value instanceof BigInteger) {
                    throw new IOException("an integer beyond a long");
                }
                Collection<?> nested = value instanceof Map<?, ?> m ? m.values() : value instanceof List<?> l ? l : null;
                if (nested != null) {
                    if (depth == MAX_DEPTH) {
                        throw new IOException("nested deeper than " + MAX_DEPTH + " levels");
                    }
                    pending.push(nested);
                    depths.push(depth + 1);
                }
            }
        }
    }
}
