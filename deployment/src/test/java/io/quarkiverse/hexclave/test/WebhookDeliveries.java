package io.quarkiverse.hexclave.test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import io.quarkiverse.hexclave.emulator.WebhookSignature;
import io.restassured.RestAssured;
import io.restassured.response.Response;

/** Posts signed deliveries to the application's webhook route. */
final class WebhookDeliveries {

    /** The secret of application-webhook.properties. */
    static final String SECRET = "whsec_dGhlIHdlYmhvb2sgc2VjcmV0IG9mIHRoZSB0ZXN0cyEh";

    private WebhookDeliveries() {
    }

    static Response post(String path, String secret, String id, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = WebhookSignature.headers(secret, id, Instant.now().getEpochSecond(), bytes);
        return RestAssured.given().headers(headers).contentType("application/json").body(bytes).post(path);
    }

    static String userCreated(String userId) {
        return "{\"type\":\"user.created\",\"data\":{\"id\":\"" + userId + "\",\"display_name\":\"Ada\","
                + "\"primary_email\":\"ada@example.com\",\"primary_email_verified\":true}}";
    }

    static String permissionDeleted(String userId) {
        return "{\"type\":\"team_permission.deleted\",\"data\":{\"id\":\"team_admin\",\"user_id\":\"" + userId
                + "\",\"team_id\":\"t-1\"}}";
    }
}
