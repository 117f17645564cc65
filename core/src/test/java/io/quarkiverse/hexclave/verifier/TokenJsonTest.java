package io.quarkiverse.hexclave.verifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.assertj.core.api.InstanceOfAssertFactories;
import org.jose4j.json.JsonUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import io.quarkiverse.hexclave.testsupport.VerifierFixture;

/**
 * The token reader (jose4j's parser) gives what Jackson's data binding gave wherever data binding reads the input,
 * refuses what data binding refused except for the leniencies {@link TokenJson} documents, and needs no Jackson class.
 */
class TokenJsonTest {

    /** How tokens were first read: data binding into an untyped map. The oracle of these tests. */
    private static final ObjectMapper BINDING = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.USE_LONG_FOR_INTS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    private static final String REFUSED = "refused";

    static Object binding(byte[] json) {
        try {
            return BINDING.readValue(json, new TypeReference<Map<String, Object>>() {
            });
        } catch (IOException | RuntimeException e) {
            return REFUSED;
        }
    }

    static Object binding(String json) {
        return binding(json.getBytes(StandardCharsets.UTF_8));
    }

    static Object tokenJson(byte[] json) {
        try {
            return TokenJson.readObject(json);
        } catch (IOException e) {
            return REFUSED;
        }
    }

    static Object tokenJson(String json) {
        return tokenJson(json.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"sub\":\"u\",\"exp\":1700000000,\"iat\":1.5,\"is_anonymous\":false,\"x\":null}",
            "{\"aud\":[\"a\",\"b\",[1,{\"c\":true}]],\"n\":{\"m\":{}},\"e\":[]}",
            "{\"min\":-9223372036854775808,\"max\":9223372036854775807,\"z\":-0}",
            "{\"f\":1e400,\"g\":-1E400,\"h\":1.5e-3,\"i\":2E+2,\"j\":1e5}",
            "{\"e\":-0.0,\"d\":123456789012345678901234567890.5}",
            "{\"s\":\"\\u00e9\\n\\\"\\\\ \\ud83d\\ude00\\/\\b\\f\\r\\t\"}",
            "{\"lone\":\"\\ud800\"}",
            "{\"raw\":\"é😀\"}",
            "  {\"a\":1}  ",
            "\t\r\n{\"a\" : 1 , \"b\" : [ 1 , 2 ] }\n",
            "{}",
    })
    void readsWhatDataBindingReads(String json) {
        assertThat(binding(json)).isNotEqualTo(REFUSED);
        assertThat(tokenJson(json)).isEqualTo(binding(json));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"a\":1,\"a\":2}",
            "{\"a\":{\"b\":1,\"b\":1}}",
            "{\"a\":1}{",
            "{\"a\":1}{}",
            "{\"a\":1} x",
            "{\"a\":1}}",
            "{\"a\":1",
            "{\"a\":[1,2}",
            "{\"a\":[}",
            "{\"a\":{]}",
            "{\"a\"",
            "{\"a\":\"unterminated}",
            "{\"a\":}",
            "{\"a\"}",
            "{\"a\":1 2}",
            "{\"a\":1:2}",
            "{a:1}",
            "{'a':1}",
            "{/*c*/\"a\":1}",
            "[1]",
            "[]",
            "\"s\"",
            "1",
            "true",
            "",
            "   ",
            "{\"a\":tru}",
            "{\"a\":nul}",
            "{\"a\":NaN}",
            "{\"a\":Infinity}",
            "{\"a\":.5}",
            "{\"a\":+1}",
            "{\"a\":1.}",
            "{\"a\":1e}",
            "{\"a\":-}",
            "{\"a\":0x10}",
            "{\"big\":9223372036854775808}",
            "{\"big\":-9223372036854775809}",
            "{\"big\":123456789012345678901234567890}",
            "{\"a\":[1,{\"b\":[99999999999999999999]}]}",
    })
    void refusesWhatDataBindingRefuses(String json) {
        assertThat(binding(json)).isEqualTo(REFUSED);
        assertThat(tokenJson(json)).isEqualTo(REFUSED);
    }

    @Test
    void refusesANullRootWhichDataBindingReadAsNoMap() {
        assertThat(binding("null")).isNull();
        assertThat(tokenJson("null")).isEqualTo(REFUSED);
    }

    @Test
    void refusesMalformedUtf8LikeDataBinding() {
        byte[][] malformed = {
                { '{', '"', 'a', '"', ':', '"', (byte) 0xC3, '"', '}' }, // truncated sequence
                { '{', '"', 'a', '"', ':', '"', (byte) 0xFF, '"', '}' }, // never valid in UTF-8
                { '{', '"', 'a', '"', ':', '"', (byte) 0x80, '"', '}' }, // lone continuation byte
                { '{', '"', 'a', '"', ':', '"', (byte) 0xE2, (byte) 0x82, '"', '}' }, // truncated 3-byte sequence
                { '{', '"', (byte) 0xC3, '"', ':', '1', '}' }, // in a name
        };
        for (byte[] json : malformed) {
            assertThat(binding(json)).isEqualTo(REFUSED);
            assertThat(tokenJson(json)).isEqualTo(REFUSED);
        }
    }

    @Test
    void refusesOverlongAndSurrogateEncodingsThatAreNotUtf8() {
        byte[][] notUtf8 = {
                { '{', '"', 'a', '"', ':', '"', (byte) 0xC0, (byte) 0xAF, '"', '}' }, // overlong '/'
                { '{', '"', 'a', '"', ':', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', '}' }, // a surrogate
        };
        for (byte[] json : notUtf8) {
            assertThat(tokenJson(json)).isEqualTo(REFUSED);
        }
    }

    @Test
    void refusalsNeverQuoteTheInput() {
        for (String json : new String[] { "{\"secret\":1,\"secret\":2}", "{\"secret\" x}", "[\"secret\"]",
                "{\"secret\":99999999999999999999}" }) {
            assertThatThrownBy(() -> TokenJson.readObject(json.getBytes(StandardCharsets.UTF_8)))
                    .isInstanceOf(IOException.class)
                    .hasNoCause()
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("secret"));
        }
    }

    /** The leniencies TokenJson documents: what data binding refused, jose4j's parser reads, and how. */
    @Test
    void readsTheDocumentedLeniencies() {
        Map<String, Object> lenient = new LinkedHashMap<>();
        lenient.put("{\"a\":007}", Map.of("a", 7L));
        lenient.put("{\"a\":-007.5}", Map.of("a", -7.5d));
        lenient.put("{\"a\":1,}", Map.of("a", 1L));
        lenient.put("{,\"a\":1}", Map.of("a", 1L));
        lenient.put("{\"a\":1,,\"b\":2}", Map.of("a", 1L, "b", 2L));
        lenient.put("{\"a\":1 \"b\":2}", Map.of("a", 1L, "b", 2L));
        lenient.put("{\"a\" 1}", Map.of("a", 1L));
        lenient.put("{\"a\"::1}", Map.of("a", 1L));
        lenient.put("{\"a\":[1 2,,]}", Map.of("a", List.of(1L, 2L)));
        lenient.put("{\"a\":[,1]}", Map.of("a", List.of(1L)));
        lenient.put("{\"a\":\"\\x\"}", Map.of("a", "\\x"));
        lenient.put("{\"a\":\"\\u12\"}", Map.of("a", "\\u12"));
        lenient.put("{\"a\":\"tab\there\nand a newline\"}", Map.of("a", "tab\there\nand a newline"));
        lenient.forEach((json, expected) -> {
            assertThat(binding(json)).as(json).isEqualTo(REFUSED);
            assertThat(tokenJson(json)).as(json).isEqualTo(expected);
        });
    }

    @Test
    void valueTypesAreThoseOfTheUntypedBinding() throws IOException {
        Map<String, Object> m = TokenJson.readObject(
                "{\"i\":1,\"l\":10000000000,\"d\":2.5,\"t\":true,\"n\":null,\"a\":[],\"o\":{\"k\":\"v\"}}"
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(m).isInstanceOf(LinkedHashMap.class).containsKeys("i", "l", "d", "t", "n", "a", "o");
        assertThat(List.copyOf(m.keySet())).containsExactly("i", "l", "d", "t", "n", "a", "o");
        assertThat(m.get("i")).isEqualTo(1L);
        assertThat(m.get("l")).isEqualTo(10000000000L);
        assertThat(m.get("d")).isEqualTo(2.5d);
        assertThat(m.get("t")).isEqualTo(Boolean.TRUE);
        assertThat(m.get("n")).isNull();
        assertThat(m.get("a")).isInstanceOf(ArrayList.class).isEqualTo(List.of());
        assertThat(m.get("o")).isInstanceOf(LinkedHashMap.class).isEqualTo(Map.of("k", "v"));
    }

    /**
     * Nesting: jose4j's parser is iterative and so is the check of the parsed values, which refuses more than
     * {@link TokenJson#MAX_DEPTH} levels. Data binding reads these deeper ones (up to its own limit of 1 000): a
     * documented difference, which no token meets.
     */
    @Test
    void deepNestingIsRefusedNotAStackOverflow() throws IOException {
        String atLimit = "{\"a\":" + "[".repeat(TokenJson.MAX_DEPTH - 1) + "]".repeat(TokenJson.MAX_DEPTH - 1) + "}";
        assertThat(TokenJson.readObject(atLimit.getBytes(StandardCharsets.UTF_8))).isEqualTo(binding(atLimit));

        String objectsAtLimit = "{\"a\":".repeat(TokenJson.MAX_DEPTH - 1) + "{}" + "}".repeat(TokenJson.MAX_DEPTH - 1);
        assertThat(TokenJson.readObject(objectsAtLimit.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(binding(objectsAtLimit));

        for (String deeper : new String[] {
                "{\"a\":" + "[".repeat(TokenJson.MAX_DEPTH) + "]".repeat(TokenJson.MAX_DEPTH) + "}",
                "{\"a\":".repeat(TokenJson.MAX_DEPTH) + "{}" + "}".repeat(TokenJson.MAX_DEPTH),
                "{\"a\":" + "[".repeat(5000) + "]".repeat(5000) + "}",
                "{\"a\":" + "[{\"b\":".repeat(50_000) + "1" + "}]".repeat(50_000) + "}",
        }) {
            assertThatThrownBy(() -> TokenJson.readObject(deeper.getBytes(StandardCharsets.UTF_8)))
                    .isInstanceOf(IOException.class)
                    .hasMessage("nested deeper than " + TokenJson.MAX_DEPTH + " levels");
        }
    }

    /**
     * Random edits of a payload: wherever data binding reads the result, TokenJson reads the same value. (Where data
     * binding refuses, TokenJson refuses too or reads one of the leniencies above.)
     */
    @Test
    void randomMutationsOfAPayloadReadAsDataBindingReadsThem() {
        String base = "{\"sub\":\"6f1c\",\"aud\":[\"p\",\"q\"],\"exp\":1700000000,\"role\":\"authenticated\","
                + "\"nested\":{\"k\":[1,2.5,null,true,\"\\u0041\"]}}";
        String alphabet = "{}[]:,\"\\01-.eE aux";
        Random random = new Random(42);
        int compared = 0;
        for (int i = 0; i < 20_000; i++) {
            StringBuilder s = new StringBuilder(base);
            for (int edits = 1 + random.nextInt(3); edits > 0; edits--) {
                int at = random.nextInt(s.length());
                switch (random.nextInt(3)) {
                    case 0 -> s.deleteCharAt(at);
                    case 1 -> s.insert(at, alphabet.charAt(random.nextInt(alphabet.length())));
                    default -> s.setCharAt(at, alphabet.charAt(random.nextInt(alphabet.length())));
                }
            }
            String json = s.toString();
            Object expected = binding(json);
            if (expected != REFUSED) {
                assertThat(tokenJson(json)).as(json).isEqualTo(expected);
                compared++;
            }
        }
        assertThat(compared).as("mutations data binding read (4 775 with this seed)").isGreaterThan(4_000);
    }

    /**
     * The point of TokenJson: reading a token needs no Jackson class. {@link AccessToken} is loaded by a class loader
     * that sees only this module's classes and jose4j (and the JDK), and reads a real signed token's header and
     * claims; any use of Jackson on that path would fail with a {@link NoClassDefFoundError}.
     */
    @Test
    void readingATokenNeedsNoJacksonClass() throws Exception {
        String token;
        try (VerifierFixture f = new VerifierFixture()) {
            token = f.tokens.normal().mint();
        }
        URL[] classpath = {
                AccessToken.class.getProtectionDomain().getCodeSource().getLocation(),
                JsonUtil.class.getProtectionDomain().getCodeSource().getLocation(),
        };
        try (URLClassLoader withoutJackson = new URLClassLoader(classpath, ClassLoader.getPlatformClassLoader())) {
            assertThatThrownBy(() -> withoutJackson.loadClass("com.fasterxml.jackson.core.JsonFactory"))
                    .isInstanceOf(ClassNotFoundException.class);

            Class<?> isolated = withoutJackson.loadClass(AccessToken.class.getName());
            assertThat(isolated).isNotSameAs(AccessToken.class);
            Object accessToken = isolated.getMethod("of", String.class).invoke(null, token);
            Object header = isolated.getMethod("unverifiedHeader").invoke(accessToken);
            Object claims = isolated.getMethod("unverifiedClaims").invoke(accessToken);

            assertThat(header).isEqualTo(AccessToken.of(token).unverifiedHeader());
            assertThat(claims).isEqualTo(AccessToken.of(token).unverifiedClaims());
            assertThat(claims).asInstanceOf(InstanceOfAssertFactories.MAP).containsKeys("sub", "exp", "iss");
        }
    }
}
