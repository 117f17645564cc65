package io.quarkiverse.hexclave.docs.examples;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;

import io.quarkiverse.hexclave.client.HexclaveClient;
import io.quarkiverse.hexclave.client.error.ApiKeyNotValidException;
import io.quarkiverse.hexclave.client.model.ApiKey;
import io.quarkiverse.hexclave.client.model.ConnectedAccount;
import io.quarkiverse.hexclave.client.model.ContactChannel;
import io.quarkiverse.hexclave.client.model.LinkOAuthAccountRequest;
import io.quarkiverse.hexclave.client.model.NotificationPreference;
import io.quarkiverse.hexclave.client.model.Project;
import io.quarkiverse.hexclave.client.model.OAuthAccount;
import io.quarkiverse.hexclave.client.model.UpdateOAuthAccountRequest;
import io.quarkiverse.hexclave.client.model.CreateContactChannelRequest;
import io.quarkiverse.hexclave.client.model.UpdateContactChannelRequest;
import io.quarkiverse.hexclave.client.model.CreateApiKeyRequest;
import io.quarkiverse.hexclave.client.model.CreatedApiKey;
import io.quarkiverse.hexclave.config.Secret;
import io.quarkiverse.hexclave.client.error.TeamMembershipAlreadyExistsException;
import io.quarkiverse.hexclave.client.model.CreateTeamRequest;
import io.quarkiverse.hexclave.client.model.ListTeamsQuery;
import io.quarkiverse.hexclave.client.model.ProjectPermission;
import io.quarkiverse.hexclave.client.model.ProjectPermissionQuery;
import io.quarkiverse.hexclave.client.model.Team;
import io.quarkiverse.hexclave.client.model.TeamInvitationDetails;
import io.quarkiverse.hexclave.client.model.TeamMemberProfile;
import io.quarkiverse.hexclave.client.model.UpdateTeamMemberProfileRequest;
import io.quarkiverse.hexclave.client.model.UpdateTeamRequest;

/** The examples of client.adoc for teams, permissions, API keys, contact channels and OAuth; compiled by core's DocsExamplesCompileTest. */
class ServerApiExamples {

    void teams(HexclaveClient hexclave, String userId, String otherUserId) {
        // tag::teams[]
        Team team = hexclave.teams().create(CreateTeamRequest.named("Research")
                .creatorUserId(userId)                            // <1>
                .serverMetadata(Map.of("plan", "pro"))
                .build());
        hexclave.teams().update(team.id(), UpdateTeamRequest.builder().displayName("R&D").build());

        try {
            hexclave.teams().addMember(team.id(), otherUserId);
        } catch (TeamMembershipAlreadyExistsException e) {
            // a member already
        }
        hexclave.teams().updateMemberProfile(team.id(), otherUserId,
                UpdateTeamMemberProfileRequest.builder().displayName("Grace (R&D)").build());
        List<TeamMemberProfile> members = hexclave.teams().memberProfiles(team.id());

        try (Stream<Team> teamsOfUser = hexclave.teams().listAll(ListTeamsQuery.ofUser(userId))) { // <2>
            teamsOfUser.forEach(t -> System.out.println(t.displayName()));
        }
        hexclave.teams().removeMember(team.id(), otherUserId);
        hexclave.teams().delete(team.id());
        // end::teams[]
    }

    void projectPermissions(HexclaveClient hexclave, String userId) {
        // tag::project-permissions[]
        hexclave.projectPermissions().grant(userId, "admin");
        boolean canReadReports = hexclave.projectPermissions().has(userId, "reports:read"); // <1>
        List<ProjectPermission> all = hexclave.projectPermissions().list(ProjectPermissionQuery.ofUser(userId)); // <2>
        hexclave.projectPermissions().revoke(userId, "admin");
        // end::project-permissions[]
    }

    void apiKeys(HexclaveClient hexclave, String userId, String presentedKey) {
        // tag::api-keys[]
        CreatedApiKey created = hexclave.userApiKeys().create(userId,
                CreateApiKeyRequest.builder("nightly export")
                        .expiresAt(Instant.now().plus(Duration.ofDays(90)))        // <1>
                        .build());
        Secret handOut = created.value();                                          // <2>

        try {
            ApiKey key = hexclave.userApiKeys().check(new Secret(presentedKey));  // <3>
            System.out.println("called by user " + key.ownerId());
        } catch (ApiKeyNotValidException e) {                                      // <4>
            System.out.println("refused: " + e.code());
        }

        hexclave.userApiKeys().revoke(created.key().id());                          // <5>
        // end::api-keys[]
    }

    void contactChannels(HexclaveClient hexclave, String userId, String codeFromTheLink) {
        // tag::contact-channels[]
        ContactChannel work = hexclave.contactChannels().create(
                CreateContactChannelRequest.email(userId, "ada@work.example").usedForAuth(true).build()); // <1>
        hexclave.contactChannels().sendVerificationCode(userId, work.id(),
                URI.create("https://app.example/handler/email-verification"));     // <2>

        Secret code = new Secret(codeFromTheLink);                                  // <3>
        if (hexclave.contactChannels().checkVerificationCode(code)) {
            hexclave.contactChannels().verify(code);
        }
        hexclave.contactChannels().update(userId, work.id(), UpdateContactChannelRequest.builder().primary(true).build());
        List<ContactChannel> all = hexclave.contactChannels().list(userId);
        // end::contact-channels[]
    }

    void oauth(HexclaveClient hexclave, String userId) {
        // tag::oauth[]
        OAuthAccount github = hexclave.oauthProviders().link(
                LinkOAuthAccountRequest.builder(userId, "github", "583231")   // <1>
                        .email("ada@example.com")
                        .allowSignIn(true)
                        .build());
        hexclave.oauthProviders().update(userId, github.id(),
                UpdateOAuthAccountRequest.builder().allowConnectedAccounts(true).build());
        List<ConnectedAccount> connected = hexclave.oauthProviders().connectedAccounts(userId); // <2>
        hexclave.oauthProviders().unlink(userId, github.id());
        // end::oauth[]
    }

    void invitations(HexclaveClient hexclave, String teamId, String codeFromTheLink, Secret accessToken) {
        // tag::invitations[]
        hexclave.teamInvitations().send(teamId, "grace@example.com",
                URI.create("https://app.example/handler/team-invitation"));          // <1>

        // later, on that page, for the signed-in user who followed the link:
        Secret code = new Secret(codeFromTheLink);
        TeamInvitationDetails details = hexclave.teamInvitations().details(code, accessToken); // <2>
        hexclave.teamInvitations().accept(code, accessToken);
        // end::invitations[]
    }

    void projectAndPreferences(HexclaveClient hexclave, String userId) {
        // tag::project[]
        Project project = hexclave.projects().current();       // <1>
        System.out.println("Hexclave project " + project.displayName());

        for (NotificationPreference p : hexclave.notificationPreferences().list(userId)) {
            if (p.canDisable() && p.notificationCategoryName().equals("Marketing")) {
                hexclave.notificationPreferences().update(userId, p.notificationCategoryId(), false); // <2>
            }
        }
        // end::project[]
    }
}
