package io.quarkiverse.hexclave.testing.internal;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

import io.quarkiverse.hexclave.client.HexclaveClient;
import io.quarkiverse.hexclave.client.model.CreateTeamRequest;
import io.quarkiverse.hexclave.client.model.UpdateUserRequest;
import io.quarkiverse.hexclave.runtime.devservices.EmulatorUsers;
import io.quarkiverse.hexclave.runtime.devservices.SignedInUser;
import io.quarkiverse.hexclave.testing.TestHexclaveUser;
import io.quarkiverse.hexclave.testing.TestTeam;

/**
 * Gives a {@link TestHexclaveUser} (already created in the Dev Services emulator) its project permissions and teams
 * through the server API, then signs them in again so that the token carries the selected team.
 */
final class TestUserSeeding {

    /** A seeded user and the ids of their teams by name. */
    record Seeded(SignedInUser user, Map<String, String> teamIds) {
    }

    private TestUserSeeding() {
    }

    static Seeded seed(HexclaveClient client, SignedInUser user, TestHexclaveUser annotation) {
        if (annotation.projectPermissions().length == 0 && annotation.teams().length == 0) {
            return new Seeded(user, Map.of());
        }
        if (Arrays.stream(annotation.teams()).filter(TestTeam::selected).count() > 1) {
            throw new IllegalArgumentException("@TestHexclaveUser: at most one @TestTeam can be selected");
        }
        for (String permission : annotation.projectPermissions()) {
            client.projectPermissions().grant(user.userId(), permission);
        }
        Map<String, String> teamIds = new LinkedHashMap<>();
        for (TestTeam team : annotation.teams()) {
            String teamId = client.teams().create(CreateTeamRequest.named(team.name()).build()).id();
            teamIds.put(team.name(), teamId);
            client.teams().addMember(teamId, user.userId());
            for (String permission : team.permissions()) {
                client.teamPermissions().grant(teamId, user.userId(), permission);
            }
            if (team.selected()) {
                client.users().update(user.userId(), UpdateUserRequest.builder().selectedTeamId(teamId).build());
            }
        }
        SignedInUser signedInAgain = new SignedInUser(user.userId(), user.email(), user.displayName(), user.userClass(),
                new EmulatorUsers(client).mint(user.userId()));
        return new Seeded(signedInAgain, Map.copyOf(teamIds));
    }
}
