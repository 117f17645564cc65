package io.quarkiverse.hexclave.webhook;

import static io.quarkiverse.hexclave.webhook.TestDeliveries.NOW;
import static io.quarkiverse.hexclave.webhook.TestDeliveries.SECRET;
import static io.quarkiverse.hexclave.webhook.TestDeliveries.headers;
import static io.quarkiverse.hexclave.webhook.TestDeliveries.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkiverse.hexclave.client.model.Team;
import io.quarkiverse.hexclave.client.model.User;
import io.quarkiverse.hexclave.config.Secret;

/** The ten event types of wire reference §12.1 become their records; unknown types and fields pass through. */
class HexclaveEventDecodingTest {

    private static final WebhookVerifier VERIFIER = new WebhookVerifier(List.of(new Secret(SECRET)),
            WebhookVerifier.DEFAULT_TOLERANCE, Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC));

    private static final String USER = """
            {"id":"u-1","display_name":"Ada","primary_email":"ada@example.com","primary_email_verified":true,
             "primary_email_auth_enabled":true,"profile_image_url":null,"signed_up_at_millis":1700000000000,
             "last_active_at_millis":1700000100000,"client_metadata":{"theme":"dark"},"client_read_only_metadata":null,
             "server_metadata":{"plan":"pro"},"has_password":true,"otp_auth_enabled":false,"passkey_auth_enabled":false,
             "auth_with_email":true,"requires_totp_mfa":false,"oauth_providers":[{"id":"github","account_id":"42",
             "email":"ada@example.com"}],"selected_team_id":null,"selected_team":null,"is_anonymous":false,
             "is_restricted":false,"restricted_reason":null,"a_field_from_the_future":{"x":1}}""";
    private static final String TEAM = """
            {"id":"t-1","display_name":"Engines","profile_image_url":null,"client_metadata":{},
             "server_metadata":{"tier":2},"created_at_millis":1700000000000,"another_new_field":true}""";

    private static HexclaveEvent decode(String type, String data) {
        byte[] body = utf8("{\"type\":\"" + type + "\",\"data\":" + data + "}");
        WebhookVerification verification = VERIFIER.verify(body, headers(SECRET, "msg_1", NOW, body));
        assertThat(verification).as(type).isInstanceOf(WebhookVerification.Accepted.class);
        HexclaveEvent event = ((WebhookVerification.Accepted) verification).delivery().event();
        assertThat(event.type()).isEqualTo(type);
        return event;
    }

    @Test
    void userCreatedAndUpdatedCarryTheServerViewUser() {
        User user = ((HexclaveEvent.UserCreated) decode("user.created", USER)).user();
        assertThat(user.id()).isEqualTo("u-1");
        assertThat(user.primaryEmail()).isEqualTo("ada@example.com");
        assertThat(user.primaryEmailVerified()).isTrue();
        assertThat(user.serverMetadata().path("plan").asText()).isEqualTo("pro");
        assertThat(user.oauthProviders()).extracting(User.OAuthProvider::accountId).containsExactly("42");
        HexclaveEvent updated = decode("user.updated", USER);
        assertThat(((HexclaveEvent.UserUpdated) updated).user().displayName()).isEqualTo("Ada");
        assertThat(updated.affectedUserId()).contains("u-1");
    }

    @Test
    void userDeletedCarriesTheIdAndTeams() {
        assertThat(decode("user.deleted", "{\"id\":\"u-1\",\"teams\":[{\"id\":\"t-1\"},{\"id\":\"t-2\"}]}"))
                .isEqualTo(new HexclaveEvent.UserDeleted("u-1", List.of("t-1", "t-2")));
        assertThat(decode("user.deleted", "{\"id\":\"u-1\"}")).isEqualTo(new HexclaveEvent.UserDeleted("u-1", List.of()));
    }

    @Test
    void teamEventsCarryTheServerViewTeam() {
        Team team = ((HexclaveEvent.TeamCreated) decode("team.created", TEAM)).team();
        assertThat(team.id()).isEqualTo("t-1");
        assertThat(team.createdAtMillis()).isEqualTo(1700000000000L);
        assertThat(team.serverMetadata().path("tier").asInt()).isEqualTo(2);
        assertThat(((HexclaveEvent.TeamUpdated) decode("team.updated", TEAM)).team().displayName()).isEqualTo("Engines");
        assertThat(decode("team.deleted", "{\"id\":\"t-1\"}")).isEqualTo(new HexclaveEvent.TeamDeleted("t-1"));
        assertThat(decode("team.deleted", "{\"id\":\"t-1\"}").affectedUserId()).isEmpty();
    }

    @Test
    void membershipAndPermissionEventsCarryTheirIds() {
        String membership = "{\"team_id\":\"t-1\",\"user_id\":\"u-1\",\"new\":1}";
        assertThat(decode("team_membership.created", membership))
                .isEqualTo(new HexclaveEvent.TeamMembershipCreated("t-1", "u-1"));
        assertThat(decode("team_membership.deleted", membership))
                .isEqualTo(new HexclaveEvent.TeamMembershipDeleted("t-1", "u-1"));
        String permission = "{\"id\":\"team_admin\",\"user_id\":\"u-1\",\"team_id\":\"t-1\"}";
        assertThat(decode("team_permission.created", permission))
                .isEqualTo(new HexclaveEvent.TeamPermissionCreated("team_admin", "u-1", "t-1"));
        HexclaveEvent deleted = decode("team_permission.deleted", permission);
        assertThat(deleted).isEqualTo(new HexclaveEvent.TeamPermissionDeleted("team_admin", "u-1", "t-1"));
        assertThat(deleted.affectedUserId()).contains("u-1");
    }

    @Test
    void unknownTypeIsAGenericEventNotAnError() {
        HexclaveEvent event = decode("project_permission.created", "{\"id\":\"admin\",\"user_id\":\"u-1\"}");
        assertThat(event).isInstanceOf(HexclaveEvent.UnknownEvent.class);
        assertThat(((HexclaveEvent.UnknownEvent) event).data().path("id").asText()).isEqualTo("admin");
        assertThat(event.toString()).doesNotContain("u-1");
        assertThat(decode("something.new", "[1,2]")).isInstanceOf(HexclaveEvent.UnknownEvent.class);
    }
}
