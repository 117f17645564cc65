package io.quarkiverse.hexclave.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.quarkiverse.hexclave.client.error.TeamMembershipAlreadyExistsException;
import io.quarkiverse.hexclave.client.error.TeamMembershipNotFoundException;
import io.quarkiverse.hexclave.client.error.TeamNotFoundException;
import io.quarkiverse.hexclave.client.error.UserNotFoundException;
import io.quarkiverse.hexclave.client.model.CreateTeamRequest;
import io.quarkiverse.hexclave.client.model.ListTeamsQuery;
import io.quarkiverse.hexclave.client.model.Page;
import io.quarkiverse.hexclave.client.model.Team;
import io.quarkiverse.hexclave.client.model.TeamMemberProfile;
import io.quarkiverse.hexclave.client.model.TeamMembership;
import io.quarkiverse.hexclave.client.model.TeamPermissionQuery;
import io.quarkiverse.hexclave.client.model.UpdateTeamMemberProfileRequest;
import io.quarkiverse.hexclave.client.model.UpdateTeamRequest;
import io.quarkiverse.hexclave.emulator.EmulatedUser;
import io.quarkiverse.hexclave.emulator.NewUser;

/** {@link TeamsApi} against the embedded emulator, every request and response checked against the OpenAPI document. */
class TeamsApiTest extends EmulatorTestBase {

    @Test
    void teamLifecycle() {
        EmulatedUser creator = emulator.createUser(NewUser.withEmail("team-creator@example.com").build());

        Team created = client.teams().create(CreateTeamRequest.named("Research").creatorUserId(creator.id())
                .serverMetadata(Map.of("plan", "pro")).clientMetadata(Map.of("colour", "teal")).build());
        assertThat(created.displayName()).isEqualTo("Research");
        assertThat(created.serverMetadata().path("plan").asText()).isEqualTo("pro");
        assertThat(created.createdAt()).isPresent();
        assertThat(emulator.team(created.id())).isPresent();

        assertThat(client.teams().get(created.id())).isEqualTo(created);
        assertThat(client.teams().list(ListTeamsQuery.ofUser(creator.id())).items()).extracting(Team::id)
                .containsExactly(created.id());
        // the creator is a member with the creator's default permissions
        assertThat(client.teamPermissions().list(TeamPermissionQuery.builder().userId(creator.id()).teamId(created.id())
                .build())).isNotEmpty();

        Team updated = client.teams().update(created.id(), UpdateTeamRequest.builder().displayName("R&D")
                .clientMetadata(null).build());
        assertThat(updated.displayName()).isEqualTo("R&D");
        assertThat(updated.clientMetadata().isNull()).isTrue();
        assertThat(updated.serverMetadata().path("plan").asText()).as("unset fields are left alone").isEqualTo("pro");

        client.teams().delete(created.id());
        assertThatThrownBy(() -> client.teams().get(created.id())).isInstanceOf(TeamNotFoundException.class);
        assertThatThrownBy(() -> client.teams().delete(created.id())).isInstanceOf(TeamNotFoundException.class);
        assertThat(checked("DELETE", "/teams/")).isTrue();
    }

    @Test
    void listAllPagesThroughTheTeamsOfAUser() {
        EmulatedUser member = emulator.createUser(NewUser.withEmail("many-teams@example.com").build());
        Set<String> ids = new java.util.HashSet<>();
        for (int i = 0; i < 5; i++) {
            ids.add(client.teams().create(CreateTeamRequest.named("Paged " + i).creatorUserId(member.id()).build()).id());
        }
        client.teams().create(CreateTeamRequest.named("Not theirs").build());
        int before = transport.checked.size();

        List<Team> all = client.teams().listAll(ListTeamsQuery.builder().userId(member.id()).limit(2).build()).toList();

        assertThat(all.stream().map(Team::id).collect(Collectors.toSet())).isEqualTo(ids);
        assertThat(all).hasSize(5);
        assertThat(transport.checked.size() - before).isEqualTo(3);

        Page<Team> newestFirst = client.teams().list(ListTeamsQuery.builder().userId(member.id()).desc(true).limit(5).build());
        assertThat(newestFirst.items()).extracting(Team::displayName).first().isEqualTo("Paged 4");
        assertThat(newestFirst.hasNext()).isFalse();
        assertThat(client.teams().list(ListTeamsQuery.builder().query("paged 3").build()).items())
                .extracting(Team::displayName).containsExactly("Paged 3");
    }

    @Test
    void membershipsAndMemberProfiles() {
        EmulatedUser user = emulator.createUser(NewUser.withEmail("member@example.com").displayName("Mem").build());
        Team team = client.teams().create(CreateTeamRequest.named("Members").build());

        assertThat(client.teams().addMember(team.id(), user.id())).isEqualTo(new TeamMembership(team.id(), user.id()));
        assertThatThrownBy(() -> client.teams().addMember(team.id(), user.id()))
                .isInstanceOf(TeamMembershipAlreadyExistsException.class)
                .satisfies(e -> assertThat(((TeamMembershipAlreadyExistsException) e).status()).isEqualTo(409));

        List<TeamMemberProfile> profiles = client.teams().memberProfiles(team.id());
        assertThat(profiles).extracting(TeamMemberProfile::userId).containsExactly(user.id());
        assertThat(profiles.get(0).user().primaryEmail()).isEqualTo("member@example.com");
        assertThat(profiles.get(0).toString()).doesNotContain("member@example.com");

        TeamMemberProfile renamed = client.teams().updateMemberProfile(team.id(), user.id(),
                UpdateTeamMemberProfileRequest.builder().displayName("Mem in Members").build());
        assertThat(renamed.displayName()).isEqualTo("Mem in Members");
        assertThat(client.teams().memberProfile(team.id(), user.id()).displayName()).isEqualTo("Mem in Members");
        assertThat(client.teams().memberProfilesOfUser(user.id())).extracting(TeamMemberProfile::teamId)
                .containsExactly(team.id());

        client.teams().removeMember(team.id(), user.id());
        assertThat(client.teams().memberProfiles(team.id())).isEmpty();
        assertThatThrownBy(() -> client.teams().removeMember(team.id(), user.id()))
                .isInstanceOf(TeamMembershipNotFoundException.class);
        assertThatThrownBy(() -> client.teams().memberProfile(team.id(), user.id()))
                .isInstanceOf(TeamMembershipNotFoundException.class);
    }

    @Test
    void unknownTeamsAndUsersAreTyped() {
        String unknown = UUID.randomUUID().toString();
        EmulatedUser user = emulator.createUser(NewUser.withEmail("lonely@example.com").build());
        Team team = client.teams().create(CreateTeamRequest.named("Known").build());

        assertThatThrownBy(() -> client.teams().get(unknown)).isInstanceOf(TeamNotFoundException.class);
        assertThatThrownBy(() -> client.teams().update(unknown, UpdateTeamRequest.builder().displayName("x").build()))
                .isInstanceOf(TeamNotFoundException.class);
        assertThatThrownBy(() -> client.teams().addMember(unknown, user.id())).isInstanceOf(TeamNotFoundException.class);
        assertThatThrownBy(() -> client.teams().addMember(team.id(), unknown)).isInstanceOf(UserNotFoundException.class);
    }

    @Test
    void asyncFormsCompleteAndNeverThrow() {
        Team team = client.teams().createAsync(CreateTeamRequest.named("Async").build()).toCompletableFuture().join();

        assertThat(client.teams().getAsync(team.id())).succeedsWithin(Duration.ofSeconds(5)).isEqualTo(team);
        assertThat(client.teams().getAsync(" ")).failsWithin(Duration.ofSeconds(5))
                .withThrowableThat().havingRootCause().isInstanceOf(IllegalArgumentException.class);
        assertThat(client.teams().memberProfilesAsync(null)).failsWithin(Duration.ofSeconds(5))
                .withThrowableThat().havingRootCause().isInstanceOf(IllegalArgumentException.class);
        assertThat(client.teams().deleteAsync(team.id())).succeedsWithin(Duration.ofSeconds(5));
    }

    @Test
    void requestBuildersRefuseWhatHexclaveWouldRefuse() {
        assertThatThrownBy(() -> CreateTeamRequest.named(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> UpdateTeamRequest.builder().build()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> ListTeamsQuery.builder().limit(201)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ListTeamsQuery.builder().cursor(UUID.randomUUID().toString()).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("limit");
        assertThat(CreateTeamRequest.named("T").serverMetadata(Map.of("secret", "s3cr3t")).build().toString())
                .doesNotContain("s3cr3t");
    }
}
