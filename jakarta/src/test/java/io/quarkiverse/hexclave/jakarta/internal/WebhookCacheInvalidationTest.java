package io.quarkiverse.hexclave.jakarta.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkiverse.hexclave.config.ConfigLookup;
import io.quarkiverse.hexclave.emulator.EmulatedTeam;
import io.quarkiverse.hexclave.emulator.EmulatedUser;
import io.quarkiverse.hexclave.emulator.HexclaveEmulator;
import io.quarkiverse.hexclave.emulator.NewUser;
import io.quarkiverse.hexclave.webhook.HexclaveEvent;

/**
 * A revoked team permission stays cached for {@code hexclave.authorization.cache-ttl} (here an hour) until its
 * {@code team_permission.deleted} is delivered; another user's event changes nothing.
 */
class WebhookCacheInvalidationTest {

    static HexclaveEmulator emulator;

    @BeforeAll
    static void startEmulator() {
        emulator = HexclaveEmulator.builder().build().start();
        emulator.defineTeamPermission("edit");
    }

    @AfterAll
    static void stopEmulator() {
        emulator.close();
    }

    @Test
    void revokedPermissionIsForgottenWhenItsEventIsDelivered() {
        HexclaveComponents components = new HexclaveComponents(ConfigLookup.of(Map.of(
                "hexclave.project-id", emulator.projectId(), "hexclave.api-url", emulator.apiUrl(),
                "hexclave.secret-server-key", emulator.secretServerKey(), "hexclave.authorization.cache-ttl", "1h")));
        WebhookCacheInvalidation invalidation = new WebhookCacheInvalidation();
        invalidation.components = components;
        EmulatedUser user = emulator.createUser(NewUser.withEmail("lin@example.com").build());
        EmulatedTeam team = emulator.createTeam("Docs");
        emulator.grantTeamPermission(team.id(), user.id(), "edit");
        UserAuthorizationCache cache = components.authorization();
        assertThat(cache.teamPermissions(user.id(), team.id())).contains("edit");

        emulator.revokeTeamPermission(team.id(), user.id(), "edit");
        assertThat(cache.teamPermissions(user.id(), team.id())).as("cached").contains("edit");
        invalidation.onEvent(new HexclaveEvent.TeamPermissionDeleted("edit", "someone-else", team.id()));
        assertThat(cache.teamPermissions(user.id(), team.id())).as("another user's event").contains("edit");
        invalidation.onEvent(new HexclaveEvent.TeamPermissionDeleted("edit", user.id(), team.id()));
        assertThat(cache.teamPermissions(user.id(), team.id())).doesNotContain("edit");

        emulator.grantTeamPermission(team.id(), user.id(), "edit");
        invalidation.onEvent(new HexclaveEvent.TeamDeleted("other-team"));
        assertThat(cache.teamPermissions(user.id(), team.id())).as("team events forget every user's teams")
                .contains("edit");
        assertThat(cache.teams(user.id())).extracting(t -> t.id()).containsAll(List.of(team.id()));
        components.close();
    }
}
