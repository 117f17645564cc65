package io.quarkiverse.hexclave.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import io.quarkiverse.hexclave.client.error.HexclaveApiException;

/**
 * Fuzzes the reading of Hexclave's error answers: the body (JSON or not), the known-error and actual-status headers,
 * and {@code Retry-After}. Contract: never throws; always a typed {@link HexclaveApiException} carrying a status; a
 * {@code Retry-After} is absent or non-negative; a secret placed in the body under one of the names Hexclave uses for
 * secrets never reaches the exception's message; and header values that are not an error code or a request id (line
 * breaks, quotes, any text) are never echoed into it.
 */
class ErrorResponseFuzzTest {

    private static final String SECRET = "s3cr3t-value-never-shown-8c1f";
    private static final String[] SECRET_FIELDS = { "refresh_token", "access_token", "polling_code", "password",
            "secret_server_key" };

    @FuzzTest(maxDuration = "20m", maxExecutions = 1_000_000)
    void errorAnswersBecomeTypedExceptions(FuzzedDataProvider data) {
        Map<String, List<String>> headers = new HashMap<>();
        String knownError = null;
        if (data.consumeBoolean()) {
            knownError = data.consumeString(80);
            headers.put(data.pickValue(List.of("x-hexclave-known-error", "x-stack-known-error")), List.of(knownError));
        }
        String requestId = null;
        if (data.consumeBoolean()) {
            requestId = data.consumeString(80);
            headers.put(data.pickValue(List.of("x-hexclave-request-id", "x-stack-request-id")), List.of(requestId));
        }
        if (data.consumeBoolean()) {
            headers.put(data.pickValue(List.of("x-hexclave-actual-status", "x-stack-actual-status")),
                    List.of(data.consumeString(12)));
        }
        if (data.consumeBoolean()) {
            headers.put("retry-after", List.of(data.consumeString(40)));
        }
        int status = data.consumeInt(100, 599);
        boolean withSecret = data.consumeBoolean();
        String body = data.consumeRemainingAsString();
        if (body.contains(SECRET) || headers.toString().contains(SECRET)) {
            return; // the secret must reach the answer only where this test puts it: under a secret's name
        }
        if (withSecret) {
            body = "{\"" + SECRET_FIELDS[Math.floorMod(body.length(), SECRET_FIELDS.length)] + "\":\"" + SECRET + "\","
                    + body;
        }
        HexclaveResponse response = new HexclaveResponse(status, headers, body);

        HexclaveApiException e = HexclaveErrors.toException(response);

        assertThat(e).isNotNull();
        assertThat(e.status()).isBetween(100, 599);
        assertThat(String.valueOf(e.getMessage())).doesNotContain(SECRET);
        assertThat(e.toString()).doesNotContain(SECRET);
        if (knownError != null && !knownError.matches("[A-Z][A-Z0-9_]{0,127}")) {
            assertThat(e.code()).as("a known-error header that is not an error code").isNotEqualTo(knownError);
        }
        if (requestId != null && !requestId.strip().matches("[A-Za-z0-9._:-]{1,128}")) {
            assertThat(e.requestId()).as("a request-id header that is not an id").isEmpty();
        }
        assertThat(String.valueOf(e.getMessage())).doesNotContain("\n").doesNotContain("\r");
        e.retryAfter().ifPresent(d -> assertThat(d).isGreaterThanOrEqualTo(Duration.ZERO));
        assertThat(HexclaveErrors.retryAfter(response).isPresent()).isEqualTo(e.retryAfter().isPresent());
    }
}
