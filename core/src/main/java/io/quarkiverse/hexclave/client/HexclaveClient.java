package io.quarkiverse.hexclave.client;

import java.util.Objects;

import io.quarkiverse.hexclave.config.HexclaveSettings;
import io.quarkiverse.hexclave.observe.HexclaveObserver;

/**
 * The Hexclave REST client: one per project, thread-safe, meant to be shared.
 * <pre>{@code
 * try (HexclaveClient hexclave = HexclaveClient.create(HexclaveSettings.load())) {
 *     User user = hexclave.users().get(userId);
 * }
 * }</pre>
 * Sub-APIs: {@link #users()}, {@link #sessions()}, {@link #teams()}, {@link #teamInvitations()},
 * {@link #teamPermissions()}, {@link #projectPermissions()}, {@link #userApiKeys()}, {@link #teamApiKeys()},
 * {@link #contactChannels()}, {@link #oauthProviders()}, {@link #notificationPreferences()}, {@link #projects()} and
 * {@link #cliAuth()}. Calls that need
 * server access fail with {@link io.quarkiverse.hexclave.config.HexclaveConfigException} (naming
 * {@code hexclave.secret-server-key} / {@code HEXCLAVE_SECRET_SERVER_KEY}) when no secret server key is configured;
 * the rest of the client works without it.
 * <p>
 * Transport: JDK {@link java.net.http.HttpClient} by default ({@link JdkHttpTransport}); pass another
 * {@link HexclaveTransport} to {@link #HexclaveClient(HexclaveSettings, HexclaveTransport)} or the builder. Idempotent
 * calls are retried per {@link RetryPolicy}; {@code POST}/{@code PATCH} never are.
 */
public final class HexclaveClient implements AutoCloseable {

    private final HexclaveSettings settings;
    private final HexclaveTransport transport;
    private final UsersApi users;
    private final SessionsApi sessions;
    private final TeamsApi teams;
    private final TeamInvitationsApi teamInvitations;
    private final TeamPermissionsApi teamPermissions;
    private final ProjectPermissionsApi projectPermissions;
    private final ApiKeysApi userApiKeys;
    private final ApiKeysApi teamApiKeys;
    private final ContactChannelsApi contactChannels;
    private final OAuthProvidersApi oauthProviders;
    private final NotificationPreferencesApi notificationPreferences;
    private final ProjectsApi projects;
    private final CliAuthApi cliAuth;

    /** A client with the default transport and retry policy ({@code settings.maxRetries()} retries). */
    public static HexclaveClient create(HexclaveSettings settings) {
        return builder(settings).build();
    }

    /** A builder to choose the transport or retry policy. */
    public static Builder builder(HexclaveSettings settings) {
        return new Builder(settings);
    }

    /** A client over {@code transport} (the test seam) with the default retry policy. */
    public HexclaveClient(HexclaveSettings settings, HexclaveTransport transport) {
        this(settings, transport, RetryPolicy.defaults(Objects.requireNonNull(settings, "settings").maxRetries()),
                HexclaveObserver.NONE);
    }

    private HexclaveClient(HexclaveSettings settings, HexclaveTransport transport, RetryPolicy retryPolicy,
            HexclaveObserver observer) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.transport = Objects.requireNonNull(transport, "transport");
        RequestSender sender = new RequestSender(settings, transport, Objects.requireNonNull(retryPolicy, "retryPolicy"),
                observer);
        this.users = new UsersApi(sender);
        this.sessions = new SessionsApi(sender);
        this.teams = new TeamsApi(sender);
        this.teamInvitations = new TeamInvitationsApi(sender);
        this.teamPermissions = new TeamPermissionsApi(sender);
        this.projectPermissions = new ProjectPermissionsApi(sender);
        this.userApiKeys = new ApiKeysApi(sender, io.quarkiverse.hexclave.client.model.ApiKey.Type.USER);
        this.teamApiKeys = new ApiKeysApi(sender, io.quarkiverse.hexclave.client.model.ApiKey.Type.TEAM);
        this.contactChannels = new ContactChannelsApi(sender);
        this.oauthProviders = new OAuthProvidersApi(sender);
        this.notificationPreferences = new NotificationPreferencesApi(sender);
        this.projects = new ProjectsApi(sender);
        this.cliAuth = new CliAuthApi(sender);
    }

    /** Users ({@code /users}, {@code /users/me}). */
    public UsersApi users() {
        return users;
    }

    /** Sessions ({@code /auth/sessions…}). */
    public SessionsApi sessions() {
        return sessions;
    }

    /** Teams, team memberships and team member profiles ({@code /teams}, {@code /team-memberships}, {@code /team-member-profiles}). */
    public TeamsApi teams() {
        return teams;
    }

    /** Team invitations ({@code /team-invitations}). */
    public TeamInvitationsApi teamInvitations() {
        return teamInvitations;
    }

    /** Team permissions ({@code /team-permissions}). */
    public TeamPermissionsApi teamPermissions() {
        return teamPermissions;
    }

    /** Project permissions ({@code /project-permissions}). */
    public ProjectPermissionsApi projectPermissions() {
        return projectPermissions;
    }

    /** User API keys ({@code /user-api-keys}): keys a user's scripts and services act with. */
    public ApiKeysApi userApiKeys() {
        return userApiKeys;
    }

    /** Team API keys ({@code /team-api-keys}): keys that act as a team. */
    public ApiKeysApi teamApiKeys() {
        return teamApiKeys;
    }

    /** Contact channels, a user's e-mail addresses ({@code /contact-channels}). */
    public ContactChannelsApi contactChannels() {
        return contactChannels;
    }

    /** OAuth accounts linked to users and their connected accounts ({@code /oauth-providers}, {@code /connected-accounts}). */
    public OAuthProvidersApi oauthProviders() {
        return oauthProviders;
    }

    /** Users' e-mail notification preferences ({@code /emails/notification-preference}). */
    public NotificationPreferencesApi notificationPreferences() {
        return notificationPreferences;
    }

    /** The project of the configured credentials ({@code /projects/current}). */
    public ProjectsApi projects() {
        return projects;
    }

    /** The CLI login calls ({@code /auth/cli}); see {@link io.quarkiverse.hexclave.cli.HexclaveCliLogin}. */
    public CliAuthApi cliAuth() {
        return cliAuth;
    }

    /** The settings this client was built with. */
    public HexclaveSettings settings() {
        return settings;
    }

    /**
     * Throws when the calling thread must not wait for this client's answers (an event loop that is to deliver them,
     * per the transport's {@link HexclaveTransport#checkBlockingAllowed() rule}); for code that blocks on the
     * {@code …Async} forms. The blocking forms ask it themselves.
     */
    public void checkBlockingAllowed() {
        transport.checkBlockingAllowed();
    }

    /** Closes the transport. */
    @Override
    public void close() {
        transport.close();
    }

    @Override
    public String toString() {
        return "HexclaveClient[projectId=" + settings.projectId() + ", apiUrl=" + settings.apiUrl() + "]";
    }

    /** Builds a {@link HexclaveClient}. */
    public static final class Builder {
        private final HexclaveSettings settings;
        private HexclaveTransport transport;
        private RetryPolicy retryPolicy;
        private HexclaveObserver observer = HexclaveObserver.NONE;

        private Builder(HexclaveSettings settings) {
            this.settings = Objects.requireNonNull(settings, "settings");
        }

        /** The transport; default a {@link JdkHttpTransport} with the settings' connect timeout. */
        public Builder transport(HexclaveTransport transport) {
            this.transport = transport;
            return this;
        }

        /** The retry policy; default {@link RetryPolicy#defaults(int) RetryPolicy.defaults(settings.maxRetries())}. */
        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = retryPolicy;
            return this;
        }

        /** Told of every API call (operation, status, duration), for metrics; default {@link HexclaveObserver#NONE}. */
        public Builder observer(HexclaveObserver observer) {
            this.observer = Objects.requireNonNull(observer, "observer");
            return this;
        }

        public HexclaveClient build() {
            return new HexclaveClient(settings,
                    transport != null ? transport : new JdkHttpTransport(settings.connectTimeout()),
                    retryPolicy != null ? retryPolicy : RetryPolicy.defaults(settings.maxRetries()), observer);
        }
    }
}
