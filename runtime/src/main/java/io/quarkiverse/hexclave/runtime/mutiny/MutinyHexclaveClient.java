package io.quarkiverse.hexclave.runtime.mutiny;

import java.util.Objects;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.quarkiverse.hexclave.cdi.CurrentHexclaveUser;
import io.quarkiverse.hexclave.client.HexclaveClient;
import io.quarkiverse.hexclave.client.model.User;
import io.smallrye.mutiny.Uni;

/**
 * The Hexclave client with Mutiny types, for reactive endpoints: inject it beside (or instead of)
 * {@link HexclaveClient}, whose calls it makes (same configuration, same HTTP client, same retries).
 * <pre>{@code
 * @Inject MutinyHexclaveClient hexclave;
 *
 * @GET
 * public Uni<String> name(@RestPath String id) {
 *     return hexclave.users().get(id).map(User::displayName);   // runs on the request's event loop, never blocks it
 * }
 * }</pre>
 * Each sub-API mirrors the core's ({@link #users()}, {@link #teams()} …) with a {@code Uni} for every
 * {@code …Async} call, and lists ({@code users().listAll}, {@code teams().listAll}) as a {@code Multi} that fetches
 * a page only when the subscriber wants more and stops on cancellation.
 * <ul>
 * <li><b>Lazy</b>: nothing is sent before subscription; each subscription sends the call again (a resubscribing
 * retry, {@code onFailure().retry()}, really retries).</li>
 * <li><b>On the caller's context</b>: subscribed on a Vert.x context (the event loop of a reactive endpoint, a
 * request's duplicated context), the item or failure arrives on that same context, so request-scoped beans, the
 * security identity and context-local data are there in the continuation; never on the HTTP client's threads. From
 * a worker thread that has the request's context (a blocking endpoint), it arrives on that context's event loop:
 * {@code await()} it there, or use {@link HexclaveClient}. Without a Vert.x context, or on a worker context (a
 * worker verticle, whose queue may be held by the very task that awaits), it arrives where the call completed.</li>
 * <li><b>Errors</b>: the same types as the core's, as the failure: {@code HexclaveApiException} subclasses (e.g.
 * {@code UserNotFoundException}), {@code HexclaveConnectionException}, and {@code HexclaveConfigException} when the
 * secret server key is not configured.</li>
 * </ul>
 */
@Singleton
public final class MutinyHexclaveClient {

    private final HexclaveClient client;
    private final MutinyUsersApi users;
    private final MutinySessionsApi sessions;
    private final MutinyTeamsApi teams;
    private final MutinyTeamInvitationsApi teamInvitations;
    private final MutinyTeamPermissionsApi teamPermissions;
    private final MutinyProjectPermissionsApi projectPermissions;
    private final MutinyApiKeysApi userApiKeys;
    private final MutinyApiKeysApi teamApiKeys;
    private final MutinyContactChannelsApi contactChannels;
    private final MutinyOAuthProvidersApi oauthProviders;
    private final MutinyNotificationPreferencesApi notificationPreferences;
    private final MutinyProjectsApi projects;
    private final MutinyCliAuthApi cliAuth;

    /** The Mutiny face of {@code client} (outside CDI too). */
    @Inject
    public MutinyHexclaveClient(HexclaveClient client) {
        this.client = Objects.requireNonNull(client, "client");
        this.users = new MutinyUsersApi(client.users());
        this.sessions = new MutinySessionsApi(client.sessions());
        this.teams = new MutinyTeamsApi(client.teams());
        this.teamInvitations = new MutinyTeamInvitationsApi(client.teamInvitations());
        this.teamPermissions = new MutinyTeamPermissionsApi(client.teamPermissions());
        this.projectPermissions = new MutinyProjectPermissionsApi(client.projectPermissions());
        this.userApiKeys = new MutinyApiKeysApi(client.userApiKeys());
        this.teamApiKeys = new MutinyApiKeysApi(client.teamApiKeys());
        this.contactChannels = new MutinyContactChannelsApi(client.contactChannels());
        this.oauthProviders = new MutinyOAuthProvidersApi(client.oauthProviders());
        this.notificationPreferences = new MutinyNotificationPreferencesApi(client.notificationPreferences());
        this.projects = new MutinyProjectsApi(client.projects());
        this.cliAuth = new MutinyCliAuthApi(client.cliAuth());
    }

    /**
     * The profile of a request's user without blocking: {@link CurrentHexclaveUser#profileAsync()} as a {@code Uni}
     * on the caller's context. The load is the user's one (at most one call to Hexclave per request, shared with
     * {@code profile()}, through the profile cache when {@code quarkus.hexclave.user-profile.cache-ttl} is set).
     * <pre>{@code
     * @Inject @HexclaveUser CurrentHexclaveUser user;
     *
     * return hexclave.profileOf(user).map(User::displayName);
     * }</pre>
     *
     * @param user the injected {@code @HexclaveUser CurrentHexclaveUser}
     * @throws NullPointerException if {@code user} is {@code null} (the request was not authenticated by Hexclave)
     */
    public Uni<User> profileOf(CurrentHexclaveUser user) {
        Objects.requireNonNull(user, "user (null: the request was not authenticated by Hexclave)");
        return CallerContext.uni(user::profileAsync);
    }

    /** Users ({@code /users}, {@code /users/me}). */
    public MutinyUsersApi users() {
        return users;
    }

    /** Sessions ({@code /auth/sessions…}). */
    public MutinySessionsApi sessions() {
        return sessions;
    }

    /** Teams, team memberships and team member profiles. */
    public MutinyTeamsApi teams() {
        return teams;
    }

    /** Team invitations ({@code /team-invitations}). */
    public MutinyTeamInvitationsApi teamInvitations() {
        return teamInvitations;
    }

    /** Team permissions ({@code /team-permissions}). */
    public MutinyTeamPermissionsApi teamPermissions() {
        return teamPermissions;
    }

    /** Project permissions ({@code /project-permissions}). */
    public MutinyProjectPermissionsApi projectPermissions() {
        return projectPermissions;
    }

    /** User API keys ({@code /user-api-keys}). */
    public MutinyApiKeysApi userApiKeys() {
        return userApiKeys;
    }

    /** Team API keys ({@code /team-api-keys}). */
    public MutinyApiKeysApi teamApiKeys() {
        return teamApiKeys;
    }

    /** Contact channels ({@code /contact-channels}). */
    public MutinyContactChannelsApi contactChannels() {
        return contactChannels;
    }

    /** OAuth accounts and connected accounts. */
    public MutinyOAuthProvidersApi oauthProviders() {
        return oauthProviders;
    }

    /** E-mail notification preferences. */
    public MutinyNotificationPreferencesApi notificationPreferences() {
        return notificationPreferences;
    }

    /** The project of the configured credentials ({@code /projects/current}). */
    public MutinyProjectsApi projects() {
        return projects;
    }

    /** The CLI login calls ({@code /auth/cli}). */
    public MutinyCliAuthApi cliAuth() {
        return cliAuth;
    }

    /** The client these calls go through (blocking and {@code CompletionStage} forms). */
    public HexclaveClient client() {
        return client;
    }

    @Override
    public String toString() {
        return "MutinyHexclaveClient[" + client + "]";
    }
}
