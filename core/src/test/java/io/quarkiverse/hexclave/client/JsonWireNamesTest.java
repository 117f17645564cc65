package io.quarkiverse.hexclave.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkiverse.hexclave.client.model.ContactChannel;
import io.quarkiverse.hexclave.client.model.Session;
import io.quarkiverse.hexclave.client.model.Team;
import io.quarkiverse.hexclave.client.model.TeamMemberProfile;
import io.quarkiverse.hexclave.client.model.User;

/**
 * The wire names live in {@link Json}'s mapper, not in annotations: snake_case both ways, camelCase for the types
 * Hexclave sends that way, and unknown members ignored (new Hexclave fields must not break reading).
 */
class JsonWireNamesTest {

    @Test
    void readsSnakeCaseAndIgnoresUnknownMembers() throws Exception {
        Team team = Json.MAPPER.readValue("""
                {"id":"t1","display_name":"Research","created_at_millis":5,"server_metadata":{"plan":"pro"},
                 "brand_new_field":{"nested":true}}""", Team.class);
        assertThat(team.displayName()).isEqualTo("Research");
        assertThat(team.createdAtMillis()).isEqualTo(5L);
        assertThat(team.serverMetadata().path("plan").asText()).isEqualTo("pro");
        assertThat(team.clientMetadata().isNull()).isTrue();

        ContactChannel channel = Json.MAPPER.readValue("""
                {"id":"c1","user_id":"u1","type":"email","value":"a@example.com","used_for_auth":true,
                 "is_verified":false,"is_primary":true,"since":"2026"}""", ContactChannel.class);
        assertThat(channel.usedForAuth()).isTrue();
        assertThat(channel.isPrimary()).isTrue();

        TeamMemberProfile profile = Json.MAPPER.readValue("""
                {"team_id":"t1","user_id":"u1","display_name":"Ada in R&D","user":{"id":"u1","primary_email_verified":true,
                 "selected_team":{"id":"t1","display_name":"Research"}}}""", TeamMemberProfile.class);
        assertThat(profile.user().primaryEmailVerified()).isTrue();
        assertThat(profile.user().selectedTeam().displayName()).isEqualTo("Research");
    }

    @Test
    void camelCaseTypesKeepTheirNames() throws Exception {
        Session.IpInfo info = Json.MAPPER.readValue("{\"ip\":\"203.0.113.7\",\"countryCode\":\"CH\",\"cityName\":\"Bern\"}",
                Session.IpInfo.class);
        assertThat(info.countryCode()).isEqualTo("CH");
        assertThat(info.cityName()).isEqualTo("Bern");
    }

    @Test
    void writesSnakeCase() {
        JsonNode provider = Json.MAPPER.valueToTree(new User.OAuthProvider("github", "583231", "ada@example.com"));
        assertThat(provider.has("account_id")).isTrue();
        assertThat(provider.has("accountId")).isFalse();
        JsonNode body = Json.object(Map.of("risk_scores", new User.RiskScores(new User.SignUpRiskScores(1, 2)),
                "providers", List.of(new User.OAuthProvider("google", "g", null))));
        assertThat(body.path("risk_scores").path("sign_up").path("free_trial_abuse").asInt()).isEqualTo(2);
        assertThat(body.path("providers").get(0).path("account_id").asText()).isEqualTo("g");
    }
}
