package io.quarkiverse.hexclave.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkiverse.hexclave.client.error.HexclaveApiException;
import io.quarkiverse.hexclave.client.error.PermissionNotFoundException;
import io.quarkiverse.hexclave.client.error.PermissionNotHeldException;
import io.quarkiverse.hexclave.client.error.TeamMembershipNotFoundException;
import io.quarkiverse.hexclave.client.error.UserNotFoundException;
import io.quarkiverse.hexclave.client.model.CreateTeamRequest;
import io.quarkiverse.hexclave.client.model.ProjectPermission;
import io.quarkiverse.hexclave.client.model.ProjectPermissionQuery;
import io.quarkiverse.hexclave.client.model.TeamPermission;
import io.quarkiverse.hexclave.client.model.TeamPermissionQuery;
import io.quarkiverse.hexclave.emulator.EmulatedUser;
import io.quarkiverse.hexclave.emulator.NewUser;

/**
 * {@link ProjectPermissionsApi} and {@link TeamPermissionsApi} against the embedded emulator (recursive containment
 * included), every request and response checked against the OpenAPI document.
 */
class PermissionsApiTest extends EmulatorTestBase {

    @BeforeAll
    static void definePermissions() {
        emulator.defineProjectPermission("reports:read");
        emulator.defineProjectPermission("admin", "reports:read");
        emulator.defineProjectPermission("billing");
        emulator.defineTeamPermission("viewer");
        emulator.defineTeamPermission("editor", "viewer");
    }

    @Test
    void projectPermissionLifecycleWithContainment() {
        EmulatedUser user = emulator.createUser(NewUser.withEmail("project-perms@example.com").build());

        assertThat(client.projectPermissions().grant(user.id(), "admin")).isEqualTo(new ProjectPermission("admin", user.id()));

        assertThat(client.projectPermissions().list(ProjectPermissionQuery.ofUser(user.id())))
                .extracting(ProjectPermission::id).containsExactlyInAnyOrder("admin", "reports:read");
        assertThat(client.projectPermissions().list(ProjectPermissionQuery.builder().userId(user.id()).recursive(false).build()))
                .extracting(ProjectPermission::id).containsExactly("admin");
        assertThat(client.projectPermissions().has(user.id(), "reports:read")).isTrue();
        assertThat(client.projectPermissions().has(user.id(), "billing")).isFalse();
        assertThat(client.projectPermissions().list(ProjectPermissionQuery.builder().permissionId("admin").build()))
                .extracting(ProjectPermission::userId).contains(user.id());

        client.projectPermissions().revoke(user.id(), "admin");
        assertThat(client.projectPermissions().has(user.id(), "reports:read")).isFalse();
        assertThatThrownBy(() -> client.projectPermissions().revoke(user.id(), "admin"))
                .isInstanceOf(PermissionNotFoundException.class);
    }

    @Test
    void projectPermissionErrorsAreTyped() {
        EmulatedUser user = emulator.createUser(NewUser.withEmail("perm-errors@example.com").build());

        assertThatThrownBy(() -> client.projectPermissions().grant(user.id(), "undefined"))
                .isInstanceOf(PermissionNotFoundException.class)
                .extracting(e -> ((HexclaveApiException) e).code()).isEqualTo("PERMISSION_NOT_FOUND");
        assertThatThrownBy(() -> client.projectPermissions().grant(user.id(), "viewer"))
                .isInstanceOf(PermissionNotFoundException.class)
                .extracting(e -> ((HexclaveApiException) e).code()).isEqualTo("WRONG_PERMISSION_SCOPE");
        assertThatThrownBy(() -> client.projectPermissions().grant(UUID.randomUUID().toString(), "admin"))
                .isInstanceOf(UserNotFoundException.class);
    }

    @Test
    void teamPermissionLifecycleWithContainment() {
        EmulatedUser user = emulator.createUser(NewUser.withEmail("team-perms@example.com").build());
        String teamId = client.teams().create(CreateTeamRequest.named("Perms").build()).id();
        assertThatThrownBy(() -> client.teamPermissions().grant(teamId, user.id(), "editor"))
                .isInstanceOf(TeamMembershipNotFoundException.class);
        client.teams().addMember(teamId, user.id());

        assertThat(client.teamPermissions().grant(teamId, user.id(), "editor"))
                .isEqualTo(new TeamPermission("editor", teamId, user.id()));
        assertThat(client.teamPermissions().has(teamId, user.id(), "viewer")).isTrue();
        assertThat(client.teamPermissions().list(TeamPermissionQuery.builder().userId(user.id()).teamId(teamId)
                .recursive(false).build())).extracting(TeamPermission::id).contains("editor").doesNotContain("viewer");
        assertThatThrownBy(() -> client.teamPermissions().grant(teamId, user.id(), "admin"))
                .isInstanceOf(PermissionNotFoundException.class)
                .extracting(e -> ((HexclaveApiException) e).code()).isEqualTo("WRONG_PERMISSION_SCOPE");

        client.teamPermissions().revoke(teamId, user.id(), "editor");
        assertThat(client.teamPermissions().has(teamId, user.id(), "viewer")).isFalse();
        assertThatThrownBy(() -> client.teamPermissions().revoke(teamId, user.id(), "editor"))
                .isInstanceOf(PermissionNotHeldException.class);
    }

    @Test
    void asyncFormsNeverThrow() {
        EmulatedUser user = emulator.createUser(NewUser.withEmail("perm-async@example.com").build());

        assertThat(client.projectPermissions().grantAsync(user.id(), "billing")).succeedsWithin(Duration.ofSeconds(5));
        assertThat(client.projectPermissions().hasAsync(user.id(), "billing")).succeedsWithin(Duration.ofSeconds(5))
                .isEqualTo(true);
        assertThat(client.projectPermissions().hasAsync(" ", "billing")).failsWithin(Duration.ofSeconds(5))
                .withThrowableThat().havingRootCause().isInstanceOf(IllegalArgumentException.class);
        assertThat(client.projectPermissions().revokeAsync(user.id(), "..")).failsWithin(Duration.ofSeconds(5))
                .withThrowableThat().havingRootCause().isInstanceOf(IllegalArgumentException.class);
        assertThat(client.projectPermissions().revokeAsync(user.id(), "billing")).succeedsWithin(Duration.ofSeconds(5));
    }
}
