package io.quarkiverse.hexclave.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.provider.MethodSource;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;

import io.quarkiverse.hexclave.client.HexclaveRequest;
import io.quarkiverse.hexclave.client.HexclaveResponse;
import io.quarkiverse.hexclave.client.HexclaveTransport;
import io.quarkiverse.hexclave.emulator.HexclaveEmulator;
import io.quarkiverse.hexclave.testsupport.TestKey;

/**
 * Fuzzes the reading of a key-set answer (status, {@code Cache-Control} and body) by {@link JwksCache}, through a
 * transport that answers in memory. Contract: the look-up completes at once; it either finds the key, answers
 * "unknown key", or fails with the typed {@link KeysUnavailableException} — never another exception; a key is found only
 * when the answer was a 200 carrying a key id, and is then held for the next look-up.
 */
class JwksParsingFuzzTest {

    private static final URI JWKS = URI.create("https://api.hexclave.example/api/v1/projects/p/.well-known/jwks.json");
    private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");
    private static final Duration MAX_CACHE_TIME = Duration.ofHours(1);
    private static final TestKey KEY = TestKey.generate("kid-fuzz");
    private static final String VALID_JWK = KEY.publicJson();

    /** Held strongly: JUL forgets the level of a logger nobody references. */
    private static final Logger JWKS_LOG = Logger.getLogger(JwksCache.class.getName());

    @BeforeAll
    static void quietLogs() {
        // Every failed fetch logs HEXCLAVE002; at millions of inputs that would be the whole cost.
        JWKS_LOG.setLevel(Level.OFF);
    }

    @FuzzTest(maxDuration = "20m", maxExecutions = 1_000_000)
    void keySetAnswersAreReadSafely(FuzzedDataProvider data) throws Exception {
        int status = data.consumeBoolean() ? 200 : data.consumeInt(100, 599);
        String cacheControl = data.consumeBoolean() ? data.consumeString(60) : null;
        String kid = data.consumeBoolean() ? KEY.kid() : data.consumeString(20);
        String body = switch (data.consumeInt(0, 2)) {
            case 0 -> data.consumeRemainingAsString();
            case 1 -> "{\"keys\":[" + data.consumeRemainingAsString() + "]}";
            default -> "{\"keys\":[" + VALID_JWK + "," + data.consumeRemainingAsString() + "]}";
        };
        check(status, cacheControl, kid, body);
    }

    /** Seeds: real key sets as the emulator publishes them (both user classes) and this test's own. */
    static Stream<String> realKeySets() {
        try (HexclaveEmulator emulator = HexclaveEmulator.builder().build().start()) {
            return Stream.of(emulator.jwksJson(false, false), emulator.jwksJson(true, true), "{\"keys\":[" + VALID_JWK + "]}");
        }
    }

    @MethodSource("realKeySets")
    @DictionaryEntries({ "\"keys\"", "\"kty\"", "\"EC\"", "\"RSA\"", "\"oct\"", "\"crv\"", "\"P-256\"", "\"P-384\"",
            "\"x\"", "\"y\"", "\"d\"", "\"k\"", "\"kid\"", "\"alg\"", "\"ES256\"", "\"use\"", "\"sig\"", "\"enc\"",
            "\"key_ops\"", "\"x5c\"", "null", "true", "[]", "{}" })
    @FuzzTest(maxDuration = "20m", maxExecutions = 1_000_000) // Jazzer wants @FuzzTest last
    void mutatedRealKeySetsAreReadSafely(String body) throws Exception {
        check(200, "public, max-age=3600", KEY.kid(), body == null ? "" : body);
    }

    private static void check(int status, String cacheControl, String kid, String body) throws Exception {
        Map<String, List<String>> headers = cacheControl == null ? Map.of() : Map.of("Cache-Control", List.of(cacheControl));
        HexclaveResponse answer = new HexclaveResponse(status, headers, body);
        HexclaveTransport transport = new HexclaveTransport() {
            @Override
            public CompletableFuture<HexclaveResponse> send(HexclaveRequest request) {
                return CompletableFuture.completedFuture(answer);
            }

            @Override
            public void close() {
            }
        };
        JwksCache cache = new JwksCache(Map.of(UserClass.NORMAL, JWKS), transport, Duration.ofSeconds(1), MAX_CACHE_TIME,
                Duration.ofSeconds(30), Duration.ofHours(24), Clock.fixed(NOW, ZoneOffset.UTC), new BouncyCastleEs256());

        CompletableFuture<JwksCache.Lookup> lookup = cache.lookup(kid);

        assertThat(lookup).isDone();
        JwksCache.Lookup found;
        try {
            found = lookup.get(0, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(KeysUnavailableException.class);
            assertThat(cache.cached(kid)).isNull();
            return;
        }
        if (found instanceof JwksCache.Lookup.Found) {
            assertThat(status).isEqualTo(200);
            assertThat(body).contains("\"kid\"");
            assertThat(cache.cached(kid)).isNotNull();
        } else {
            assertThat(found).isInstanceOf(JwksCache.Lookup.Unknown.class);
        }
    }
}
