package io.quarkiverse.hexclave.test;

import static io.quarkiverse.hexclave.test.WebhookDeliveries.SECRET;
import static io.quarkiverse.hexclave.test.WebhookDeliveries.post;
import static io.restassured.RestAssured.given;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/**
 * With webhooks, a team permission revoked in Hexclave stops passing as soon as its {@code team_permission.deleted} is
 * delivered, although the permission cache would keep it for an hour; a delivery of another user's change leaves the
 * cache alone.
 */
class RevokedPermissionStopsWithinOneDeliveryTest {

    @RegisterExtension
    static final QuarkusUnitTest app = HexclaveTestApp.create("authorization", TeamPermissionsEndpoint.class,
            WebhookDeliveries.class)
            .overrideRuntimeConfigKey("quarkus.hexclave.secret-server-key", SharedEmulator.secretServerKey())
            .overrideRuntimeConfigKey("quarkus.hexclave.authorization.cache-ttl", "1h")
            .overrideRuntimeConfigKey("quarkus.hexclave.webhook.secret", SECRET);

    private static String deleted(String userId, String teamId) {
        return "{\"type\":\"team_permission.deleted\",\"data\":{\"id\":\"docs_read\",\"user_id\":\"" + userId
                + "\",\"team_id\":\"" + teamId + "\"}}";
    }

    @Test
    void revocationAppliesOnDeliveryNotAtTheEndOfTheCacheLifetime() {
        SharedEmulator.admin("define-team docs_read");
        String team = SharedEmulator.admin("create-team Invalidated-" + System.nanoTime());
        String[] user = SharedEmulator.userAndToken();
        SharedEmulator.admin("grant-team " + team + " " + user[0] + " docs_read");
        given().auth().oauth2(user[1]).get("/team/" + team + "/docs").then().statusCode(200);

        SharedEmulator.admin("revoke-team " + team + " " + user[0] + " docs_read");
        given().auth().oauth2(user[1]).get("/team/" + team + "/docs").then().statusCode(200); // cached: stale

        post("/hexclave/webhook", SECRET, "msg_other_" + System.nanoTime(), deleted("someone-else", team)).then()
                .statusCode(204);
        given().auth().oauth2(user[1]).get("/team/" + team + "/docs").then().statusCode(200); // not this user's

        post("/hexclave/webhook", SECRET, "msg_revoked_" + System.nanoTime(), deleted(user[0], team)).then()
                .statusCode(204);
        given().auth().oauth2(user[1]).get("/team/" + team + "/docs").then().statusCode(403);
    }
}
