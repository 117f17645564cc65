package io.quarkiverse.hexclave.webhook;

import static io.quarkiverse.hexclave.webhook.TestDeliveries.NOW;
import static io.quarkiverse.hexclave.webhook.TestDeliveries.OTHER_SECRET;
import static io.quarkiverse.hexclave.webhook.TestDeliveries.SECRET;
import static io.quarkiverse.hexclave.webhook.TestDeliveries.headers;
import static io.quarkiverse.hexclave.webhook.TestDeliveries.signature;
import static io.quarkiverse.hexclave.webhook.TestDeliveries.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkiverse.hexclave.config.HexclaveConfigException;
import io.quarkiverse.hexclave.config.Secret;

/** Signature vectors of the Svix scheme (wire reference §12.2): each changes one thing against a valid delivery. */
class WebhookVerifierTest {

    private static final String ID = "msg_2p9Xc7hQ4TbYh3KxkE0Uv8Wq1Z";
    private static final byte[] BODY = utf8("{\"type\":\"team_membership.created\","
            + "\"data\":{\"team_id\":\"t-1\",\"user_id\":\"u-1\"}}");

    private static WebhookVerifier verifier(String... secrets) {
        return verifierAt(NOW, secrets);
    }

    private static WebhookVerifier verifierAt(long epochSecond, String... secrets) {
        return new WebhookVerifier(List.of(secrets).stream().map(Secret::new).toList(), WebhookVerifier.DEFAULT_TOLERANCE,
                Clock.fixed(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC));
    }

    private static WebhookRefusal refusal(WebhookVerification verification) {
        assertThat(verification).isInstanceOf(WebhookVerification.Refused.class);
        return ((WebhookVerification.Refused) verification).reason();
    }

    private static WebhookDelivery accepted(WebhookVerification verification) {
        assertThat(verification).isInstanceOf(WebhookVerification.Accepted.class);
        return ((WebhookVerification.Accepted) verification).delivery();
    }

    @Test
    void validDeliveryIsAcceptedAsItsTypedEvent() {
        WebhookDelivery delivery = accepted(verifier(SECRET).verify(BODY, headers(SECRET, ID, NOW, BODY)));
        assertThat(delivery.id()).isEqualTo(ID);
        assertThat(delivery.timestamp()).isEqualTo(Instant.ofEpochSecond(NOW));
        assertThat(delivery.event()).isEqualTo(new HexclaveEvent.TeamMembershipCreated("t-1", "u-1"));
    }

    /**
     * The example of Svix's documentation ("Verifying Webhooks Manually" and the svix library's tests): secret
     * {@code MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw}, id {@code msg_p5jXN8AQM9LWM0D4loKWxJek}, timestamp 1614265330, body
     * {@code {"test": 2432232314}}, signature {@code v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=}. Its body is not
     * a Hexclave event, so a correct signature check ends in MALFORMED_PAYLOAD, and one changed byte in BAD_SIGNATURE.
     */
    @Test
    void svixDocumentationExampleSignatureChecksOut() {
        Map<String, String> headers = Map.of("svix-id", "msg_p5jXN8AQM9LWM0D4loKWxJek", "svix-timestamp", "1614265330",
                "svix-signature", "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
        WebhookVerifier verifier = verifierAt(1614265330L, "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
        assertThat(refusal(verifier.verify(utf8("{\"test\": 2432232314}"), headers)))
                .isEqualTo(WebhookRefusal.MALFORMED_PAYLOAD);
        assertThat(refusal(verifier.verify(utf8("{\"test\": 2432232315}"), headers)))
                .isEqualTo(WebhookRefusal.BAD_SIGNATURE);
        WebhookVerifier withoutPrefix = verifierAt(1614265330L, "MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw");
        assertThat(refusal(withoutPrefix.verify(utf8("{\"test\": 2432232314}"), headers)))
                .isEqualTo(WebhookRefusal.MALFORMED_PAYLOAD);
    }

    /** A vector signed by openssl (vectors/sign-with-openssl.sh), not by Java code. */
    @Test
    void signatureComputedByOpensslIsAccepted() throws IOException {
        byte[] body = resource("vectors/user-deleted.json");
        String signature = new String(resource("vectors/user-deleted.signature"), StandardCharsets.US_ASCII).strip();
        Map<String, String> headers = Map.of("svix-id", "msg_2p9XhexclaveVector0001", "svix-timestamp", "1764892800",
                "svix-signature", "v1," + signature);
        WebhookDelivery delivery = accepted(verifierAt(1764892800L + 60,
                "whsec_c2VjcmV0LWZvci1oZXhjbGF2ZS13ZWJob29rLXZlY3RvcnM=").verify(body, headers));
        assertThat(delivery.event()).isEqualTo(new HexclaveEvent.UserDeleted("5c8e1b04-7d0a-4a0e-9f55-1d2c3b4a5e6f",
                List.of("0a7c9e8d-1b2c-4d3e-8f9a-0b1c2d3e4f5a")));
    }

    @Test
    void tamperedBodyIsRefused() {
        Map<String, String> headers = headers(SECRET, ID, NOW, BODY);
        byte[] tampered = utf8(new String(BODY, StandardCharsets.UTF_8).replace("u-1", "u-2"));
        assertThat(refusal(verifier(SECRET).verify(tampered, headers))).isEqualTo(WebhookRefusal.BAD_SIGNATURE);
    }

    @Test
    void tamperedIdOrTimestampIsRefused() {
        Map<String, String> headers = new HashMap<>(headers(SECRET, ID, NOW, BODY));
        headers.put("svix-id", ID + "x");
        assertThat(refusal(verifier(SECRET).verify(BODY, headers))).isEqualTo(WebhookRefusal.BAD_SIGNATURE);
        headers = new HashMap<>(headers(SECRET, ID, NOW, BODY));
        headers.put("svix-timestamp", Long.toString(NOW + 1));
        assertThat(refusal(verifier(SECRET).verify(BODY, headers))).isEqualTo(WebhookRefusal.BAD_SIGNATURE);
    }

    @Test
    void wrongSecretIsRefused() {
        assertThat(refusal(verifier(OTHER_SECRET).verify(BODY, headers(SECRET, ID, NOW, BODY))))
                .isEqualTo(WebhookRefusal.BAD_SIGNATURE);
    }

    @Test
    void timestampsOutsideTheWindowAreRefusedBothWays() {
        long old = NOW - 301;
        long future = NOW + 301;
        assertThat(refusal(verifier(SECRET).verify(BODY, headers(SECRET, ID, old, BODY))))
                .isEqualTo(WebhookRefusal.TIMESTAMP_OUT_OF_WINDOW);
        assertThat(refusal(verifier(SECRET).verify(BODY, headers(SECRET, ID, future, BODY))))
                .isEqualTo(WebhookRefusal.TIMESTAMP_OUT_OF_WINDOW);
        accepted(verifier(SECRET).verify(BODY, headers(SECRET, ID, NOW - 300, BODY)));
        accepted(verifier(SECRET).verify(BODY, headers(SECRET, ID, NOW + 300, BODY)));
    }

    @Test
    void replayedDeliveryIsRefusedOnceOutsideTheWindow() {
        Map<String, String> captured = headers(SECRET, ID, NOW, BODY);
        accepted(verifier(SECRET).verify(BODY, captured));
        assertThat(refusal(verifierAt(NOW + 3600, SECRET).verify(BODY, captured)))
                .isEqualTo(WebhookRefusal.TIMESTAMP_OUT_OF_WINDOW);
    }

    @Test
    void toleranceIsConfigurable() {
        WebhookVerifier strict = new WebhookVerifier(List.of(new Secret(SECRET)), Duration.ofSeconds(10),
                Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC));
        assertThat(strict.tolerance()).isEqualTo(Duration.ofSeconds(10));
        accepted(strict.verify(BODY, headers(SECRET, ID, NOW - 10, BODY)));
        assertThat(refusal(strict.verify(BODY, headers(SECRET, ID, NOW - 11, BODY))))
                .isEqualTo(WebhookRefusal.TIMESTAMP_OUT_OF_WINDOW);
        assertThatThrownBy(() -> new WebhookVerifier(List.of(new Secret(SECRET)), Duration.ZERO, Clock.systemUTC()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rotatedSecretsAreAcceptedWhileBothAreConfigured() {
        WebhookVerifier both = verifier(OTHER_SECRET, SECRET);
        accepted(both.verify(BODY, headers(SECRET, ID, NOW, BODY)));
        accepted(both.verify(BODY, headers(OTHER_SECRET, ID, NOW, BODY)));
        WebhookVerifier inOneValue = new WebhookVerifier(new Secret(OTHER_SECRET + ", " + SECRET));
        assertThat(inOneValue.toString()).doesNotContain(SECRET.substring(6)).doesNotContain(OTHER_SECRET.substring(6));
    }

    @Test
    void oneOfSeveralSignaturesSuffices() {
        Map<String, String> headers = new HashMap<>(headers(SECRET, ID, NOW, BODY));
        String good = headers.get("svix-signature");
        String otherSecrets = signature(OTHER_SECRET, ID, NOW, BODY);
        headers.put("svix-signature", "v2,c29tZXRoaW5n " + otherSecrets + "  v1,bm90LWEtc2lnbmF0dXJl " + good);
        accepted(verifier(SECRET).verify(BODY, headers));
        accepted(verifier(OTHER_SECRET).verify(BODY, headers));
    }

    @Test
    void standardWebhooksHeaderNamesAreAcceptedInAnyCase() {
        Map<String, String> svix = headers(SECRET, ID, NOW, BODY);
        Map<String, String> standard = Map.of("Webhook-Id", svix.get("svix-id"), "WEBHOOK-TIMESTAMP",
                svix.get("svix-timestamp"), "webhook-signature", svix.get("svix-signature"));
        assertThat(accepted(verifier(SECRET).verify(BODY, standard)).id()).isEqualTo(ID);
    }

    @ParameterizedTest
    @ValueSource(strings = { "svix-id", "svix-timestamp", "svix-signature" })
    void missingHeaderIsRefused(String missing) {
        Map<String, String> headers = new HashMap<>(headers(SECRET, ID, NOW, BODY));
        headers.remove(missing);
        WebhookVerification verification = verifier(SECRET).verify(BODY, headers);
        assertThat(refusal(verification)).isEqualTo(WebhookRefusal.MISSING_HEADERS);
        assertThat(((WebhookVerification.Refused) verification).safeDetail()).contains(missing);
        assertThat(refusal(verifier(SECRET).verify(BODY, Map.of()))).isEqualTo(WebhookRefusal.MISSING_HEADERS);
    }

    @ParameterizedTest
    @ValueSource(strings = { "svix-timestamp=17648928OO", "svix-timestamp=-1764892800", "svix-timestamp=1764892800.5",
            "svix-timestamp= 1764892800", "svix-timestamp=99999999999999999999", "svix-id=msg id",
            "svix-id=msg\nid", "svix-signature=garbage", "svix-signature=,", "svix-signature=,abc" })
    void malformedHeaderIsRefused(String header) {
        Map<String, String> headers = new HashMap<>(headers(SECRET, ID, NOW, BODY));
        int eq = header.indexOf('=');
        headers.put(header.substring(0, eq), header.substring(eq + 1));
        assertThat(refusal(verifier(SECRET).verify(BODY, headers))).isEqualTo(WebhookRefusal.MALFORMED_HEADERS);
    }

    @Test
    void overlongHeadersAreRefused() {
        Map<String, String> headers = new HashMap<>(headers(SECRET, ID, NOW, BODY));
        headers.put("svix-id", "m".repeat(WebhookVerifier.MAX_ID_LENGTH + 1));
        assertThat(refusal(verifier(SECRET).verify(BODY, headers))).isEqualTo(WebhookRefusal.MALFORMED_HEADERS);
        headers = new HashMap<>(headers(SECRET, ID, NOW, BODY));
        headers.put("svix-signature", ("v1,AAAA ").repeat(WebhookVerifier.MAX_SIGNATURES) + headers.get("svix-signature"));
        assertThat(refusal(verifier(SECRET).verify(BODY, headers))).isEqualTo(WebhookRefusal.MALFORMED_HEADERS);
        headers.put("svix-signature", "v1," + "A".repeat(WebhookVerifier.MAX_SIGNATURE_HEADER_LENGTH));
        assertThat(refusal(verifier(SECRET).verify(BODY, headers))).isEqualTo(WebhookRefusal.MALFORMED_HEADERS);
    }

    @Test
    void signatureOfAnotherVersionOnlyIsAnUnknownVersion() {
        Map<String, String> headers = new HashMap<>(headers(SECRET, ID, NOW, BODY));
        headers.put("svix-signature", headers.get("svix-signature").replace("v1,", "v1a,"));
        assertThat(refusal(verifier(SECRET).verify(BODY, headers))).isEqualTo(WebhookRefusal.UNKNOWN_SIGNATURE_VERSION);
    }

    @Test
    void v1EntryThatIsNotBase64IsABadSignature() {
        Map<String, String> headers = new HashMap<>(headers(SECRET, ID, NOW, BODY));
        headers.put("svix-signature", "v1,not*base64!");
        assertThat(refusal(verifier(SECRET).verify(BODY, headers))).isEqualTo(WebhookRefusal.BAD_SIGNATURE);
    }

    @Test
    void refusalsNeverEchoTheSecretTheSignatureOrTheBody() {
        Map<String, String> headers = new HashMap<>(headers(OTHER_SECRET, ID, NOW, BODY));
        String signature = headers.get("svix-signature");
        for (Map<String, String> h : List.of(headers, Map.of("svix-id", ID, "svix-timestamp", "x" + SECRET,
                "svix-signature", signature))) {
            WebhookVerification.Refused refused = (WebhookVerification.Refused) verifier(SECRET).verify(BODY, h);
            assertThat(refused.safeDetail() + refused.reason().description() + refused)
                    .doesNotContain(SECRET.substring(6)).doesNotContain(signature.substring(3)).doesNotContain("u-1");
        }
    }

    @Test
    void malformedSecretIsAConfigErrorThatDoesNotShowIt() {
        assertThatThrownBy(() -> new WebhookVerifier(new Secret("whsec_not*base64-s3cr3t")))
                .isInstanceOf(HexclaveConfigException.class)
                .hasMessageContaining("hexclave.webhook.secret")
                .hasMessageNotContaining("s3cr3t");
        assertThatThrownBy(() -> new WebhookVerifier(new Secret(" , ")))
                .isInstanceOf(HexclaveConfigException.class);
        assertThatThrownBy(() -> new WebhookVerifier(new Secret("whsec_")))
                .isInstanceOf(HexclaveConfigException.class);
    }

    @Test
    void signedBodyThatIsNotAnEventIsRefusedAsMalformedPayload() {
        for (String body : List.of("", "not json", "[]", "{\"data\":{}}", "{\"type\":7,\"data\":{}}",
                "{\"type\":\"user.deleted\"}", "{\"type\":\"user.deleted\",\"data\":{\"teams\":[]}}",
                "{\"type\":\"team_permission.created\",\"data\":{\"id\":\"p\",\"user_id\":\"u\"}}",
                "{\"type\":\"user.updated\",\"data\":{\"id\":\"u\",\"primary_email_verified\":{\"no\":1}}}",
                "{\"type\":\"user.deleted\",\"data\":{\"id\":\"u\",\"teams\":{\"id\":\"t\"}}}")) {
            byte[] bytes = utf8(body);
            assertThat(refusal(verifier(SECRET).verify(bytes, headers(SECRET, ID, NOW, bytes))))
                    .as(body).isEqualTo(WebhookRefusal.MALFORMED_PAYLOAD);
        }
    }

    @Test
    void refusalsMapToTheDocumentedStatuses() {
        assertThat(WebhookRefusal.BAD_SIGNATURE.httpStatus()).isEqualTo(401);
        assertThat(WebhookRefusal.TIMESTAMP_OUT_OF_WINDOW.httpStatus()).isEqualTo(401);
        assertThat(WebhookRefusal.UNKNOWN_SIGNATURE_VERSION.httpStatus()).isEqualTo(401);
        assertThat(WebhookRefusal.MISSING_HEADERS.httpStatus()).isEqualTo(400);
        assertThat(WebhookRefusal.MALFORMED_HEADERS.httpStatus()).isEqualTo(400);
        assertThat(WebhookRefusal.MALFORMED_PAYLOAD.httpStatus()).isEqualTo(400);
    }

    private static byte[] resource(String name) throws IOException {
        try (InputStream in = WebhookVerifierTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }
}
