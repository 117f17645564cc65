package io.quarkiverse.hexclave.webhook;

import static io.quarkiverse.hexclave.webhook.TestDeliveries.NOW;
import static io.quarkiverse.hexclave.webhook.TestDeliveries.OTHER_SECRET;
import static io.quarkiverse.hexclave.webhook.TestDeliveries.SECRET;
import static io.quarkiverse.hexclave.webhook.TestDeliveries.signature;
import static io.quarkiverse.hexclave.webhook.TestDeliveries.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.provider.MethodSource;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;

import io.quarkiverse.hexclave.config.Secret;

/**
 * Fuzzes webhook verification: headers of either set, with any values, and any body.
 * <p>
 * Contract: {@code verify} never throws; every outcome is a typed {@link WebhookVerification}; a delivery is accepted
 * only if an independent check (this class's own HMAC over {@code id.timestamp.body}) finds a {@code v1} signature by
 * one of the two configured secrets in its header and its timestamp within 5 minutes of now; and a refusal carries a
 * reason and a detail that never contains the secret or the body. The fuzzer can sign (one mode signs what it
 * made), so it reaches the event decoding, but it can never get an unsigned delivery accepted.
 */
class WebhookVerificationFuzzTest {

    private static final String[] SECRETS = { SECRET, OTHER_SECRET };
    private static final WebhookVerifier VERIFIER = new WebhookVerifier(
            List.of(new Secret(SECRET), new Secret(OTHER_SECRET)), WebhookVerifier.DEFAULT_TOLERANCE,
            Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC));
    private static final String[] TYPES = { "user.created", "user.updated", "user.deleted", "team.created",
            "team.updated", "team.deleted", "team_membership.created", "team_membership.deleted",
            "team_permission.created", "team_permission.deleted", "something.new" };

    @DictionaryEntries({ "svix-", "webhook-", "v1,", "v2,", " ", "\"type\"", "\"data\"", "\"id\"", "\"user_id\"",
            "\"team_id\"", "\"teams\"", "\"user.created\"", "\"user.deleted\"", "\"team.updated\"",
            "\"team_permission.deleted\"", "\"team_membership.created\"", "\"primary_email_verified\"",
            "\"server_metadata\"", "\"oauth_providers\"", "\"selected_team\"", "\"created_at_millis\"", "null", "true" })
    @FuzzTest(maxDuration = "20m", maxExecutions = 1_000_000)
    void onlyCorrectlySignedDeliveriesAreAccepted(FuzzedDataProvider data) {
        int mode = data.consumeInt(0, 2);
        String prefix = data.consumeBoolean() ? "svix-" : "webhook-";
        String id = data.consumeBoolean() ? "msg_" + data.consumeAsciiString(40) : data.consumeString(300);
        long timestamp = data.consumeBoolean() ? NOW + data.consumeLong(-400, 400) : data.consumeLong();
        String timestampHeader = data.consumeBoolean() ? Long.toString(timestamp) : data.consumeString(20);
        Map<String, String> headers = new HashMap<>();
        if (data.consumeBoolean()) {
            headers.put(prefix + "id", id);
        }
        if (data.consumeBoolean()) {
            headers.put(prefix + "timestamp", timestampHeader);
        }
        String fuzzedSignatures = data.consumeString(600);
        byte[] body = switch (data.consumeInt(0, 1)) {
            case 0 -> data.consumeRemainingAsBytes();
            default -> utf8("{\"type\":\"" + TYPES[data.consumeInt(0, TYPES.length - 1)] + "\",\"data\":"
                    + data.consumeRemainingAsString() + "}");
        };
        String signatures = switch (mode) {
            case 0 -> fuzzedSignatures; // anything
            case 1 -> signature(SECRETS[(int) Math.floorMod(timestamp, 2L)], id, timestampHeader, body) + " "
                    + fuzzedSignatures;
            default -> fuzzedSignatures + " " + signature(SECRET, id, timestampHeader + "0", body); // other content
        };
        if (!headers.isEmpty() || mode != 0) {
            headers.put(prefix + "signature", signatures);
        }
        verifyAndCheck(body, headers);
    }

    /** Seeds: the deliveries of the unit tests' vectors (each event type, the openssl and Svix examples). */
    static Stream<String> signedVectors() throws IOException {
        Stream.Builder<String> seeds = Stream.builder();
        String[] data = { "{\"id\":\"u-1\",\"display_name\":\"Ada\",\"primary_email\":\"ada@example.com\"}",
                "{\"id\":\"u-1\",\"server_metadata\":{\"plan\":\"pro\"}}", "{\"id\":\"u-1\",\"teams\":[{\"id\":\"t-1\"}]}",
                "{\"id\":\"t-1\",\"display_name\":\"Engines\",\"created_at_millis\":1700000000000}",
                "{\"id\":\"t-1\",\"profile_image_url\":null}", "{\"id\":\"t-1\"}", "{\"team_id\":\"t-1\",\"user_id\":\"u-1\"}",
                "{\"team_id\":\"t-1\",\"user_id\":\"u-1\"}", "{\"id\":\"admin\",\"user_id\":\"u-1\",\"team_id\":\"t-1\"}",
                "{\"id\":\"admin\",\"user_id\":\"u-1\",\"team_id\":\"t-1\"}", "{\"future\":true}" };
        for (int i = 0; i < TYPES.length; i++) {
            String body = "{\"type\":\"" + TYPES[i] + "\",\"data\":" + data[i] + "}";
            String id = "msg_seed" + i;
            seeds.add(delivery(i % 2 == 0 ? "svix-" : "webhook-", id, Long.toString(NOW),
                    signature(SECRETS[i % 2], id, NOW, utf8(body)), body));
        }
        seeds.add(delivery("svix-", "msg_p5jXN8AQM9LWM0D4loKWxJek", "1614265330",
                "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=", "{\"test\": 2432232314}"));
        seeds.add(delivery("svix-", "msg_2p9XhexclaveVector0001", "1764892800",
                "v1," + new String(resource("vectors/user-deleted.signature"), StandardCharsets.US_ASCII).strip(),
                new String(resource("vectors/user-deleted.json"), StandardCharsets.UTF_8)));
        return seeds.build();
    }

    /**
     * A delivery as text: the header prefix, id, timestamp and signature header on the first four lines, then the
     * body (what the mutations of {@link #mutatedVectorsAreNeverAcceptedUnlessSigned} read).
     */
    private static String delivery(String prefix, String id, String timestamp, String signatures, String body) {
        return prefix + "\n" + id + "\n" + timestamp + "\n" + signatures + "\n" + body;
    }

    @MethodSource("signedVectors")
    @DictionaryEntries({ "v1,", "v2,", "svix-", "webhook-", "\"type\"", "\"data\"", "\"id\"", "\"user_id\"" })
    @FuzzTest(maxDuration = "20m", maxExecutions = 1_000_000) // Jazzer wants @FuzzTest last
    void mutatedVectorsAreNeverAcceptedUnlessSigned(String input) {
        String[] lines = (input == null ? "" : input).split("\n", 5); // Jazzer passes null too
        Map<String, String> headers = new HashMap<>();
        String prefix = lines[0];
        String[] names = { "id", "timestamp", "signature" };
        for (int i = 0; i < 3 && i + 1 < lines.length; i++) {
            headers.put(prefix + names[i], lines[i + 1]);
        }
        verifyAndCheck(utf8(lines.length == 5 ? lines[4] : ""), headers);
    }

    private static void verifyAndCheck(byte[] body, Map<String, String> headers) {
        WebhookVerification outcome = VERIFIER.verify(body, headers);
        assertThat(outcome).isNotNull();
        if (outcome instanceof WebhookVerification.Accepted accepted) {
            assertCorrectlySigned(body, headers, accepted.delivery());
        } else {
            WebhookVerification.Refused refused = (WebhookVerification.Refused) outcome;
            assertThat(refused.reason()).isNotNull();
            assertThat(refused.safeDetail()).isNotBlank().doesNotContain(SECRET.substring(6))
                    .doesNotContain(OTHER_SECRET.substring(6));
            String text = new String(body, StandardCharsets.UTF_8);
            if (text.length() >= 24) {
                assertThat(refused.safeDetail()).doesNotContain(text);
            }
        }
    }

    /** The oracle: this class's own reading of the scheme must agree that the delivery is authentic and fresh. */
    private static void assertCorrectlySigned(byte[] body, Map<String, String> headers, WebhookDelivery delivery) {
        String prefix = headers.containsKey("svix-id") || headers.containsKey("svix-timestamp")
                || headers.containsKey("svix-signature") ? "svix-" : "webhook-";
        String id = headers.get(prefix + "id");
        String timestamp = headers.get(prefix + "timestamp");
        assertThat(delivery.id()).isEqualTo(id);
        long seconds = Long.parseLong(timestamp);
        assertThat(delivery.timestamp().getEpochSecond()).isEqualTo(seconds);
        assertThat(Math.abs(seconds - NOW)).isLessThanOrEqualTo(300);
        List<String> expected = List.of(signature(SECRET, id, timestamp, body),
                signature(OTHER_SECRET, id, timestamp, body));
        assertThat(List.of(headers.get(prefix + "signature").split(" "))).containsAnyElementsOf(expected);
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = WebhookVerificationFuzzTest.class.getResourceAsStream(name)) {
            return in.readAllBytes();
        }
    }
}
