package io.quarkiverse.hexclave.credential;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import io.quarkiverse.hexclave.verifier.AccessToken;

/**
 * Fuzzes credential extraction from attacker-controlled headers and cookies. Contract: {@link HexclaveCredentials#find}
 * never throws; whatever it finds is {@code Absent}, {@code Malformed} with a reason, or {@code Found} with a token no
 * longer than {@link AccessToken#MAX_LENGTH} whose shape is a compact JWS when it came from a raw bearer header.
 */
class CredentialExtractionFuzzTest {

    private static final String PROJECT = "3f2f1d0e-2c7a-4d0b-9e51-6f1c9a8b7d64";
    private static final HexclaveCredentials ALL = new HexclaveCredentials(PROJECT, Set.of(CredentialSource.values()));
    private static final String[] HEADERS = { "Authorization", "x-hexclave-access-token", "x-stack-access-token",
            "x-hexclave-refresh-token", "x-stack-refresh-token", "x-stack-auth" };
    private static final String[] COOKIES = { "hexclave-access", "stack-access", "hexclave-refresh-" + PROJECT + "--a",
            "__Host-hexclave-refresh-" + PROJECT + "--b", "stack-refresh-" + PROJECT, "__Host-stack-refresh-" + PROJECT
                    + "--c" };

    @FuzzTest(maxDuration = "20m", maxExecutions = 1_000_000)
    void findNeverThrowsAndReturnsAWellFormedLookup(FuzzedDataProvider data) {
        Map<String, String> headers = new HashMap<>();
        Map<String, String> cookies = new HashMap<>();
        int n = data.consumeInt(0, 4);
        for (int i = 0; i < n; i++) {
            String value = data.consumeString(12_000);
            if (data.consumeBoolean()) {
                headers.put(HEADERS[data.consumeInt(0, HEADERS.length - 1)], value);
            } else {
                cookies.put(COOKIES[data.consumeInt(0, COOKIES.length - 1)], value);
            }
        }
        if (data.consumeBoolean()) {
            headers.put("Authorization", "Bearer " + data.consumeRemainingAsString());
        }
        CredentialLookup lookup = ALL.find(RequestView.of(headers, cookies));
        check(lookup);
    }

    @FuzzTest(maxDuration = "20m", maxExecutions = 1_000_000)
    void authJsonNeverThrows(String json) {
        check(HexclaveCredentials.fromAuthJson(json));
    }

    private static void check(CredentialLookup lookup) {
        assertThat(lookup).isNotNull();
        if (lookup instanceof CredentialLookup.Malformed malformed) {
            assertThat(malformed.detail()).isNotBlank();
        } else if (lookup instanceof CredentialLookup.Found found) {
            HexclaveCredential credential = found.credential();
            AccessToken token = credential.token();
            assertThat(token).isNotNull();
            if (token.raw().length() >= 12) { // shorter strings may occur in the masked rendering by chance
                assertThat(credential.toString()).doesNotContain(token.raw());
            }
            if (token.malformation() == null) {
                assertThat(token.raw().length()).isLessThanOrEqualTo(AccessToken.MAX_LENGTH);
                assertThat(token.raw().chars().filter(c -> c == '.').count()).isEqualTo(2);
            }
            if (credential.source() == CredentialSource.BEARER) {
                assertThat(token.malformation()).as("a raw bearer credential is only taken when JWS-shaped").isNull();
            }
        } else {
            assertThat(lookup).isInstanceOf(CredentialLookup.Absent.class);
        }
    }
}
