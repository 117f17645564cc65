package io.quarkiverse.hexclave.verifier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** The streaming token reader gives what Jackson's data binding gave before it, for the same inputs. */
class TokenJsonTest {

    /** How tokens were read before: data binding into an untyped map. */
    private static final ObjectMapper BINDING = JsonMapper.builder()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.USE_LONG_FOR_INTS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    static Object binding(String json) {
        try {
            return BINDING.readValue(json.getBytes(StandardCharsets.UTF_8), new TypeReference<Map<String, Object>>() {
            });
        } catch (IOException | RuntimeException e) {
            return "refused";
        }
    }

    static Object streaming(String json) {
        try {
            return TokenJson.readObject(json.getBytes(StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            return "refused";
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"sub\":\"u\",\"exp\":1700000000,\"iat\":1.5,\"is_anonymous\":false,\"x\":null}",
            "{\"aud\":[\"a\",\"b\",[1,{\"c\":true}]],\"n\":{\"m\":{}}}",
            "{\"big\":123456789012345678901234567890}",
            "{\"neg\":-9223372036854775808}",
            "{\"f\":1e400}",
            "{\"e\":-0.0}",
            "{\"s\":\"\\u00e9\\n\\\"\\\\ \\ud83d\\ude00\"}",
            "  {\"a\":1}  ",
            "{}",
            "{\"a\":1,\"a\":2}",
            "{\"a\":1}{",
            "{\"a\":1} x",
            "{\"a\":1",
            "{\"a\":}",
            "{\"a\" 1}",
            "{a:1}",
            "{\"a\":[1,]}",
            "{\"a\":01}",
            "{\"a\":NaN}",
            "[1]",
            "\"s\"",
            "",
            "{\"a\":\"\\x\"}",
            "{\"a\":1,}",
            "{\"a\":[1,2}",
    })
    void givesWhatDataBindingGave(String json) {
        assertThat(streaming(json)).isEqualTo(binding(json));
    }

    @Test
    void valueTypesAreThoseOfTheUntypedBinding() throws IOException {
        Map<String, Object> m = TokenJson.readObject(
                "{\"i\":1,\"l\":10000000000,\"d\":2.5,\"t\":true,\"a\":[]}"
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(m.get("i")).isEqualTo(1L);
        assertThat(m.get("l")).isEqualTo(10000000000L);
        assertThat(m.get("d")).isEqualTo(2.5d);
        assertThat(m.get("t")).isEqualTo(Boolean.TRUE);
        assertThat(m.get("a")).isEqualTo(List.of());
    }

    @Test
    void deepNestingIsRefusedNotAStackOverflow() {
        String deep = "{\"a\":" + "[".repeat(5000) + "]".repeat(5000) + "}";
        assertThatThrownBy(() -> TokenJson.readObject(deep.getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IOException.class);
        assertThat(binding(deep)).isEqualTo("refused");
    }

    @Test
    void randomMutationsOfAPayloadAgreeWithDataBinding() {
        String base = "{\"sub\":\"6f1c\",\"aud\":[\"p\",\"q\"],\"exp\":1700000000,\"role\":\"authenticated\","
                + "\"nested\":{\"k\":[1,2.5,null,true,\"\\u0041\"]}}";
        String alphabet = "{}[]:,\"\\01-.eE aux";
        Random random = new Random(42);
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
            assertThat(streaming(json)).as(json).isEqualTo(binding(json));
        }
    }
}
