package io.quarkiverse.hexclave.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkiverse.hexclave.client.error.InvalidSecretServerKeyException;
import io.quarkiverse.hexclave.client.error.UnknownHexclaveErrorException;
import io.quarkiverse.hexclave.client.error.UserNotFoundException;
import io.quarkiverse.hexclave.client.model.NotificationPreference;
import io.quarkiverse.hexclave.client.model.Project;
import io.quarkiverse.hexclave.emulator.EmulatedUser;
import io.quarkiverse.hexclave.emulator.NewUser;

/** {@link ProjectsApi} and {@link NotificationPreferencesApi} against the embedded emulator with the full OpenAPI contract. */
class ProjectAndPreferencesApiTest extends EmulatorTestBase {

    @Test
    void currentProjectChecksTheCredentials() {
        Project project = client.projects().current();
        assertThat(project.id()).isEqualTo(emulator.projectId());
        assertThat(project.displayName()).isNotBlank();
        assertThat(project.configWarnings()).isEmpty();

        HexclaveTransport shared = transport::send; // not closed by the wrong client
        try (HexclaveClient wrong = new HexclaveClient(settings().secretServerKey("ssk_wrong").build(), shared)) {
            assertThatThrownBy(() -> wrong.projects().current()).isInstanceOf(InvalidSecretServerKeyException.class);
        }
    }

    @Test
    void notificationPreferencesPerCategory() {
        EmulatedUser user = emulator.createUser(NewUser.withEmail("prefs@example.com").build());

        var preferences = client.notificationPreferences().list(user.id());
        assertThat(preferences).isNotEmpty().allMatch(NotificationPreference::enabled);
        NotificationPreference optional = preferences.stream().filter(NotificationPreference::canDisable).findFirst()
                .orElseThrow();

        NotificationPreference off = client.notificationPreferences().update(user.id(), optional.notificationCategoryId(), false);
        assertThat(off.enabled()).isFalse();
        assertThat(off.notificationCategoryName()).isEqualTo(optional.notificationCategoryName());
        assertThat(client.notificationPreferences().list(user.id()))
                .filteredOn(p -> p.notificationCategoryId().equals(optional.notificationCategoryId()))
                .extracting(NotificationPreference::enabled).containsExactly(false);

        assertThatThrownBy(() -> client.notificationPreferences().update(user.id(), UUID.randomUUID().toString(), true))
                .isInstanceOfSatisfying(UnknownHexclaveErrorException.class, e -> assertThat(e.status()).isEqualTo(404));
        assertThatThrownBy(() -> client.notificationPreferences().list(UUID.randomUUID().toString()))
                .isInstanceOf(UserNotFoundException.class);
    }
}
