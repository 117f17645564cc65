package io.quarkiverse.hexclave.test;

import static io.quarkiverse.hexclave.test.WebhookDeliveries.SECRET;
import static io.quarkiverse.hexclave.test.WebhookDeliveries.permissionDeleted;
import static io.quarkiverse.hexclave.test.WebhookDeliveries.post;
import static io.quarkiverse.hexclave.test.WebhookDeliveries.userCreated;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.hexclave.client.HexclaveClient;
import io.quarkiverse.hexclave.config.HexclaveSettings;
import io.quarkiverse.hexclave.emulator.WebhookSignature;
import io.quarkiverse.hexclave.runtime.devservices.DevServicesEmulator;
import io.quarkiverse.hexclave.runtime.devui.HexclaveJsonRpcService;
import io.quarkiverse.hexclave.runtime.webhook.WebhookDeliveryLog;
import io.quarkiverse.hexclave.verifier.HexclaveTokenVerifier;
import io.quarkiverse.hexclave.webhook.HexclaveEvent;
import io.quarkiverse.hexclave.webhook.WebhookReceiver;
import io.quarkus.test.QuarkusUnitTest;

/**
 * With {@code quarkus.hexclave.webhook.secret} set, {@code POST /hexclave/webhook} verifies deliveries and fires them as
 * CDI events; in an application whose every other path requires authentication.
 */
class WebhookRouteTest {

    @RegisterExtension
    static final QuarkusUnitTest app = HexclaveTestApp.create("webhook",
            logs -> assertThat(logs).noneMatch(r -> String.valueOf(r.getMessage()).contains(SECRET.substring(6))),
            GreetingEndpoint.class, WebhookObserver.class, WebhookDeliveries.class);

    @Inject
    WebhookObserver observer;

    @Inject
    WebhookDeliveryLog deliveries;

    @Inject
    HexclaveSettings settings;

    @Inject
    HexclaveTokenVerifier verifier;

    @Inject
    HexclaveClient client;

    @Inject
    Instance<DevServicesEmulator> emulator;

    @Inject
    Instance<WebhookDeliveryLog> deliveryLog;

    @BeforeEach
    void reset() {
        observer.reset();
    }

    @Test
    void deliveryIsFiredAsItsTypeAndAsHexclaveEvent() {
        post("/hexclave/webhook", SECRET, "msg_fired1", userCreated("u-1")).then().statusCode(204);
        post("/hexclave/webhook", SECRET, "msg_fired2", permissionDeleted("u-1")).then().statusCode(204);
        assertThat(observer.usersCreated).singleElement().extracting(e -> e.user().id()).isEqualTo("u-1");
        assertThat(observer.permissionsDeleted)
                .containsExactly(new HexclaveEvent.TeamPermissionDeleted("team_admin", "u-1", "t-1"));
        assertThat(observer.all).hasSize(2);
        assertThat(deliveries.entries()).first().satisfies(e -> {
            assertThat(e.id()).isEqualTo("msg_fired2");
            assertThat(e.type()).isEqualTo("team_permission.deleted");
            assertThat(e.outcome()).isEqualTo(WebhookReceiver.Outcome.DELIVERED);
        });
    }

    @Test
    void repeatedDeliveryIsAcknowledgedAndNotFiredAgain() {
        post("/hexclave/webhook", SECRET, "msg_dup", userCreated("u-2")).then().statusCode(204);
        post("/hexclave/webhook", SECRET, "msg_dup", userCreated("u-2")).then().statusCode(204);
        assertThat(observer.all).hasSize(1);
        assertThat(deliveries.entries().get(0).outcome()).isEqualTo(WebhookReceiver.Outcome.DUPLICATE);
    }

    @Test
    void badSignatureIs401AndFiresNothing() {
        post("/hexclave/webhook", WebhookSignature.newSecret(), "msg_forged", userCreated("u-3")).then()
                .statusCode(401).body(containsString("invalid webhook signature"))
                .body(not(containsString(SECRET.substring(6))));
        byte[] body = userCreated("u-3").getBytes(StandardCharsets.UTF_8);
        long old = Instant.now().getEpochSecond() - 3600;
        given().headers(WebhookSignature.headers(SECRET, "msg_old", old, body)).body(body).post("/hexclave/webhook")
                .then().statusCode(401);
        assertThat(observer.all).isEmpty();
        assertThat(deliveries.entries().get(0).outcome()).isEqualTo(WebhookReceiver.Outcome.REFUSED);
        assertThat(deliveries.entries().get(0).id()).isNull();
    }

    @Test
    void badRequestsAre400AndFireNothing() {
        given().body(userCreated("u-4")).post("/hexclave/webhook").then().statusCode(400);
        byte[] body = userCreated("u-4").getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = new HashMap<>(WebhookSignature.headers(SECRET, "msg_x", Instant.now()
                .getEpochSecond(), body));
        headers.put("svix-timestamp", "yesterday");
        given().headers(headers).body(body).post("/hexclave/webhook").then().statusCode(400);
        post("/hexclave/webhook", SECRET, "msg_notanevent", "{\"hello\":\"world\"}").then().statusCode(400);
        post("/hexclave/webhook", SECRET, "msg_badjson", "{\"type\":").then().statusCode(400);
        assertThat(observer.all).isEmpty();
    }

    @Test
    void failingObserverAnswers503AndTheRetryFiresAgain() {
        observer.failures.set(1);
        post("/hexclave/webhook", SECRET, "msg_retry", userCreated("u-5")).then().statusCode(503)
                .body(not(containsString("database")));
        assertThat(observer.all).isEmpty();
        assertThat(deliveries.entries().get(0).outcome()).isEqualTo(WebhookReceiver.Outcome.OBSERVER_FAILED);
        post("/hexclave/webhook", SECRET, "msg_retry", userCreated("u-5")).then().statusCode(204);
        assertThat(observer.all).hasSize(1);
    }

    @Test
    void routeIsNotBehindTheTokenMechanismsWhileEverythingElseIs() {
        given().get("/greet").then().statusCode(401);
        post("/hexclave/webhook", SECRET, "msg_open", userCreated("u-6")).then().statusCode(204);
        given().header("Authorization", "Bearer not-a-token").body(userCreated("u-6"))
                .headers(WebhookSignature.headers(SECRET, "msg_open2", Instant.now().getEpochSecond(),
                        userCreated("u-6").getBytes(StandardCharsets.UTF_8)))
                .post("/hexclave/webhook").then().statusCode(204);
        assertThat(observer.all).hasSize(2);
    }

    @Test
    @SuppressWarnings("unchecked")
    void devUiListsTheLastDeliveries() {
        post("/hexclave/webhook", SECRET, "msg_devui", userCreated("u-7")).then().statusCode(204);
        post("/hexclave/webhook", WebhookSignature.newSecret(), "msg_devui_forged", userCreated("u-7")).then()
                .statusCode(401);
        Map<String, Object> answer = new HexclaveJsonRpcService(settings, verifier, client, emulator, deliveryLog)
                .webhookDeliveries();
        assertThat(answer.get("route")).isEqualTo("POST /hexclave/webhook");
        List<Map<String, Object>> rows = (List<Map<String, Object>>) answer.get("deliveries");
        assertThat(rows.get(0)).containsEntry("outcome", "REFUSED").containsEntry("status", 401)
                .containsEntry("detail", "BAD_SIGNATURE").containsEntry("id", null);
        assertThat(rows.get(1)).containsEntry("outcome", "DELIVERED").containsEntry("id", "msg_devui")
                .containsEntry("type", "user.created").containsEntry("status", 204);
    }

    @Test
    void unknownEventTypeIsDeliveredAsAGenericEvent() {
        post("/hexclave/webhook", SECRET, "msg_future", "{\"type\":\"project_permission.created\",\"data\":{}}")
                .then().statusCode(204);
        assertThat(observer.all).singleElement().isInstanceOf(HexclaveEvent.UnknownEvent.class);
        assertThat(List.copyOf(observer.usersCreated)).isEmpty();
    }
}
