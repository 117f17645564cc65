package io.quarkiverse.hexclave.verifier;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.provider.MethodSource;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkiverse.hexclave.emulator.HexclaveEmulator;
import io.quarkiverse.hexclave.testsupport.HostileTokens;
import io.quarkiverse.hexclave.testsupport.TokenFactory;
import io.quarkiverse.hexclave.testsupport.VerifierFixture;

/**
 * Fuzzes the whole local verification of an access token against a fixed, already fetched key set: the decode, the
 * header rules, the user-class pre-check, the key look-up, the signature and the claim rules.
 * <p>
 * Contract: {@code verify} never throws; every outcome is a typed {@link Verification}; and a token is accepted only if
 * it is signed by a published key and an independent reading of its payload agrees that it is a valid, regular
 * token of this project (so the fuzzer may mint new valid tokens through the signing mode, but can never get anything
 * else accepted).
 */
class TokenVerificationFuzzTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static VerifierFixture fixture;
    private static JwtTokenVerifier verifier;
    private static List<String> seeds;

    @BeforeAll
    static void keysFetchedOnce() {
        fixture = new VerifierFixture();
        verifier = fixture.verifier();
        seeds = List.of(fixture.tokens.normal().mint(), fixture.tokens.restricted().mint(),
                fixture.tokens.anonymous().mint(), fixture.tokens.normal().signedBy(fixture.foreignKey).mint());
        assertThat(verifier.verify(seeds.get(0)).accepted()).isTrue();
    }

    @AfterAll
    static void stop() {
        verifier.close();
        fixture.close();
    }

    @DictionaryEntries({ "\"alg\"", "\"ES256\"", "\"kid\"", "\"typ\"", "\"JWT\"", "\"crit\"", "\"jku\"", "\"jwk\"",
            "\"x5u\"", "\"x5c\"", "\"enc\"", "\"none\"", "\"sub\"", "\"aud\"", "\"iss\"", "\"exp\"", "\"iat\"",
            "\"nbf\"", "\"project_id\"", "\"branch_id\"", "\"main\"", "\"role\"", "\"is_anonymous\"",
            "\"is_restricted\"", "\"refresh_token_id\"", "\"selected_team_id\"", "-anonymous-users", "eyJ", "." })
    @FuzzTest(maxDuration = "20m", maxExecutions = 1_000_000)
    void onlyValidTokensOfThisProjectAreAccepted(FuzzedDataProvider data) {
        String token = switch (data.consumeInt(0, 3)) {
            case 0 -> data.consumeRemainingAsString();
            case 1 -> replacePart(data);
            case 2 -> splice(data);
            default -> signedFuzzedJson(data);
        };
        verifyAndCheck(token);
    }

    /** Seeds: the hostile-token corpus, this project's valid tokens and a token minted by the emulator. */
    static Stream<String> hostileAndRealTokens() {
        String minted;
        try (HexclaveEmulator emulator = HexclaveEmulator.builder().build().start()) {
            minted = emulator.mintAccessToken(emulator.seedDemoUser());
        }
        return Stream.concat(Stream.concat(HostileTokens.all().stream().map(c -> c.token().apply(fixture)),
                seeds.stream()), Stream.of(minted));
    }

    @MethodSource("hostileAndRealTokens")
    @DictionaryEntries({ "eyJ", ".", "-", "_", "=", "+", "/", "%" })
    @FuzzTest(maxDuration = "20m", maxExecutions = 1_000_000) // Jazzer wants @FuzzTest last
    void mutatedHostileTokensAreNeverAccepted(String token) {
        verifyAndCheck(token);
    }

    private static void verifyAndCheck(String token) {
        Verification outcome = verifier.verify(token);
        assertThat(outcome).isNotNull();
        if (outcome instanceof Verification.Accepted accepted) {
            assertValidRegularTokenOfThisProject(token, accepted.principal());
        } else {
            Verification.Rejected rejected = (Verification.Rejected) outcome;
            assertThat(rejected.reason()).isNotNull();
            if (token != null && token.length() >= 16) {
                assertThat(rejected.detail()).doesNotContain(token);
            }
        }
    }

    /** One of the three parts of a seed replaced by fuzzed text. */
    private static String replacePart(FuzzedDataProvider data) {
        String[] parts = seeds.get(data.consumeInt(0, seeds.size() - 1)).split("\\.", -1);
        parts[data.consumeInt(0, 2)] = data.consumeRemainingAsString();
        return String.join(".", parts);
    }

    /** A seed with fuzzed text written over it at some position. */
    private static String splice(FuzzedDataProvider data) {
        String seed = seeds.get(data.consumeInt(0, seeds.size() - 1));
        int at = data.consumeInt(0, seed.length());
        String insert = data.consumeRemainingAsString();
        return seed.substring(0, at) + insert + seed.substring(Math.min(seed.length(), at + insert.length()));
    }

    /** Fuzzed header and payload JSON, properly signed with a published key: reaches the claim rules. */
    private static String signedFuzzedJson(FuzzedDataProvider data) {
        String header = data.consumeBoolean() ? "{\"alg\":\"ES256\",\"kid\":\"" + fixture.key1.kid() + "\"}"
                : data.consumeString(200);
        String payload = data.consumeRemainingAsString();
        String signingInput = TokenFactory.b64(header) + "." + TokenFactory.b64(payload);
        return signingInput + "." + TokenFactory.sign(signingInput, fixture.key1);
    }

    /** The oracle: an independent, simple reading of what must hold for an accepted token. */
    private static void assertValidRegularTokenOfThisProject(String token, HexclavePrincipal principal) {
        if (seeds.get(0).equals(token)) {
            return;
        }
        String[] parts = token.split("\\.", -1);
        assertThat(parts).hasSize(3);
        Map<?, ?> header = read(parts[0]);
        Map<?, ?> claims = read(parts[1]);
        assertThat(header.get("alg")).isEqualTo("ES256");
        assertThat(claims.get("aud")).isEqualTo(fixture.projectId);
        assertThat(claims.get("iss")).isEqualTo(fixture.jwks.apiUrl() + "/api/v1/projects/" + fixture.projectId);
        assertThat(claims.get("sub")).isInstanceOf(String.class).isEqualTo(principal.userId());
        assertThat(((Number) claims.get("exp")).longValue()).isGreaterThan(fixture.clock.instant().getEpochSecond() - 60);
        assertThat(principal.userClass()).isEqualTo(UserClass.NORMAL);
    }

    private static Map<?, ?> read(String part) {
        try {
            return JSON.readValue(new String(Base64.getUrlDecoder().decode(part), StandardCharsets.UTF_8), Map.class);
        } catch (Exception e) {
            throw new AssertionError("an accepted token's part does not decode", e);
        }
    }
}
