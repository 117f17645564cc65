package io.quarkiverse.hexclave.emulator;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

import io.quarkiverse.hexclave.emulator.internal.ApiServer;
import io.quarkiverse.hexclave.emulator.internal.CorsPolicy;
import io.quarkiverse.hexclave.emulator.internal.EmulatedProject;
import io.quarkiverse.hexclave.emulator.internal.EmulatorSettings;
import io.quarkiverse.hexclave.emulator.internal.EmulatorStore;
import io.quarkiverse.hexclave.emulator.internal.Json;
import io.quarkiverse.hexclave.emulator.internal.PermissionRegistry;
import io.quarkiverse.hexclave.emulator.internal.Randoms;
import io.quarkiverse.hexclave.emulator.internal.StoredApiKey;
import io.quarkiverse.hexclave.emulator.internal.StoredCode;
import io.quarkiverse.hexclave.emulator.internal.StoredMember;
import io.quarkiverse.hexclave.emulator.internal.StoredSession;
import io.quarkiverse.hexclave.emulator.internal.StoredTeam;
import io.quarkiverse.hexclave.emulator.internal.StoredUser;

/**
 * An in-process Hexclave (ex-Stack Auth) project served on loopback: the server API of {@code /api/v1} an application
 * backend uses (users, sessions, teams, permissions, API keys, contact channels, OAuth accounts, invitations, CLI login
 * and the JWKS; see the emulator page of the docs for what is left out), the frontend sign-in flows the JS SDK uses
 * with the publishable key (password and e-mail code sign-in, token refresh, sign-out) with CORS for local dev
 * servers, ES256 access tokens shaped exactly like Hexclave's, and JWKS faults. {@link StandaloneEmulator} runs it as
 * a program.
 * No account, container or network needed.
 *
 * <pre>{@code
 * try (HexclaveEmulator emu = HexclaveEmulator.builder().build().start()) {
 *     EmulatedUser ada = emu.createUser(NewUser.withEmail("ada@example.com").displayName("Ada").build());
 *     String jwt = emu.mintAccessToken(ada);
 *     // point the SDK at emu.apiUrl(), emu.projectId(), emu.secretServerKey()
 * }
 * }</pre>
 *
 * Thread-safe. The state lives in memory and is lost on {@link #close()}. Secrets (keys, tokens) are never logged and
 * never appear in {@code toString()}.
 */
public final class HexclaveEmulator implements AutoCloseable {

    private final EmulatedProject project;
    private final Faults faults;
    private final CliLogins cli;
    private final EmulatorWebhooks webhooks;
    private final Object lifecycle = new Object();
    private ApiServer server;
    private boolean closed;

    private HexclaveEmulator(EmulatorSettings settings) {
        this.project = new EmulatedProject(settings);
        this.webhooks = new EmulatorWebhooks(project.webhooks());
        this.faults = new Faults(project.faults());
        this.cli = new CliLogins(project);
    }

    /** A builder with defaults: random project id and keys, port 0, 10-minute tokens, JWKS max-age 3600 s. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts the HTTP server on 127.0.0.1 (idempotent).
     *
     * @return this emulator
     * @throws IllegalStateException if the port cannot be bound or the emulator was closed
     */
    public HexclaveEmulator start() {
        synchronized (lifecycle) {
            if (closed) {
                throw new IllegalStateException("This emulator was closed; build a new one");
            }
            if (server == null) {
                ApiServer s = new ApiServer(project);
                s.start(project.settings().host(), project.settings().port());
                project.apiUrl("http://" + project.settings().host() + ":" + s.port());
                server = s;
            }
            return this;
        }
    }

    /** Stops the HTTP server at once; the emulator cannot be restarted. Idempotent. */
    @Override
    public void close() {
        synchronized (lifecycle) {
            closed = true;
            project.webhooks().stop();
            if (server != null) {
                server.stop();
                server = null;
            }
        }
    }

    /** Whether the server is running. */
    public boolean isRunning() {
        synchronized (lifecycle) {
            return server != null;
        }
    }

    // ------------------------------------------------------------------ coordinates

    /** The API origin, {@code http://127.0.0.1:<port>}; the REST API lives under {@code apiUrl() + "/api/v1"}. */
    public String apiUrl() {
        String url = project.apiUrl();
        if (url == null) {
            throw new IllegalStateException("The emulator is not started");
        }
        return url;
    }

    /** The bound port. */
    public int port() {
        synchronized (lifecycle) {
            if (server == null) {
                throw new IllegalStateException("The emulator is not started");
            }
            return server.port();
        }
    }

    /** The JWKS URL of the project (normal keys; add {@code ?include_restricted=true} / {@code ?include_anonymous=true}). */
    public String jwksUrl() {
        return apiUrl() + "/api/v1/projects/" + projectId() + "/.well-known/jwks.json";
    }

    public String projectId() {
        return project.projectId();
    }

    /** The secret server key ({@code x-hexclave-secret-server-key}). A secret: do not log it. */
    public String secretServerKey() {
        return project.settings().secretServerKey();
    }

    /** The publishable client key ({@code x-hexclave-publishable-client-key}). */
    public String publishableClientKey() {
        return project.settings().publishableClientKey();
    }

    /** The origin stamped into {@code iss}: the configured issuer origin, else {@link #apiUrl()}. */
    public String issuerOrigin() {
        return project.issuerOrigin();
    }

    /** The issuer of tokens of a class, e.g. {@code http://127.0.0.1:4321/api/v1/projects/<id>}. */
    public String issuer(UserClass userClass) {
        return userClass.issuer(issuerOrigin(), projectId());
    }

    /** The audience of tokens of a class, e.g. {@code <id>:anon}. */
    public String audience(UserClass userClass) {
        return userClass.audience(projectId());
    }

    /** The browser origins allowed to call the API (CORS patterns, e.g. {@code http://localhost:*}). */
    public List<String> corsAllowedOrigins() {
        return project.settings().corsAllowedOrigins();
    }

    public Duration accessTokenLifetime() {
        return project.settings().accessTokenLifetime();
    }

    /** The JWKS document as served (ignores faults), e.g. for a verifier configured with static keys. */
    public String jwksJson(boolean includeRestricted, boolean includeAnonymous) {
        return Json.write(project.keyRing().jwks(includeRestricted, includeAnonymous));
    }

    /** The webhook deliveries of this project's changes: secret, endpoints, retries, attempts. */
    public EmulatorWebhooks webhooks() {
        return webhooks;
    }

    // ------------------------------------------------------------------ users

    /** Creates a user. */
    public EmulatedUser createUser(NewUser newUser) {
        Objects.requireNonNull(newUser, "newUser");
        return snapshot(project.createUser(newUser, newUser.password()));
    }

    /**
     * The demo user {@code demo@example.com} / "Demo User" (verified e-mail, sign-in by e-mail enabled), created on
     * first call and returned unchanged afterwards (unless deleted).
     */
    public EmulatedUser seedDemoUser() {
        EmulatorStore store = project.store();
        synchronized (store) {
            for (StoredUser u : store.users()) {
                if ("demo@example.com".equals(u.primaryEmail()) && "Demo User".equals(u.displayName)) {
                    return snapshot(u);
                }
            }
            return createUser(NewUser.withEmail("demo@example.com").displayName("Demo User")
                    .primaryEmailAuthEnabled(true).build());
        }
    }

    /** The user with this id, as it is now. */
    public Optional<EmulatedUser> user(String userId) {
        return Optional.ofNullable(project.store().user(userId)).map(this::snapshot);
    }

    /** All users, in creation order. */
    public List<EmulatedUser> users() {
        List<EmulatedUser> out = new ArrayList<>();
        for (StoredUser u : project.store().users()) {
            out.add(snapshot(u));
        }
        return out;
    }

    /** Deletes a user and their sessions and memberships; returns whether it existed. */
    public boolean deleteUser(String userId) {
        return project.store().deleteUser(userId);
    }

    // ------------------------------------------------------------------ sessions and tokens

    /** Creates a session (365-day refresh token) for a user and mints its first access token. */
    public SessionTokens createSession(String userId) {
        EmulatorStore store = project.store();
        synchronized (store) {
            StoredUser user = requireUser(userId);
            StoredSession s = store.createSession(userId, EmulatorStore.DEFAULT_SESSION_MILLIS, false);
            return new SessionTokens(s.refreshToken, project.mintAccessToken(user, s.id), s.id);
        }
    }

    /** Revokes a session; returns whether it existed. Issued access tokens stay valid until {@code exp}. */
    public boolean revokeSession(String sessionId) {
        return project.store().revokeSession(sessionId);
    }

    /** Creates a session for the user and returns its valid ES256 access token (class, issuer and keys follow the user). */
    public String mintAccessToken(EmulatedUser user) {
        return createSession(Objects.requireNonNull(user, "user").id()).accessToken();
    }

    /**
     * Creates a new user of the class (normal: verified e-mail; restricted: restricted by an administrator; anonymous)
     * and returns a valid access token for them.
     */
    public String mintAccessToken(UserClass userClass) {
        String n = UUID.randomUUID().toString().substring(0, 8);
        NewUser spec = switch (Objects.requireNonNull(userClass, "userClass")) {
            case NORMAL -> NewUser.withEmail("user-" + n + "@example.com").displayName("User " + n).build();
            case RESTRICTED -> NewUser.withEmail("restricted-" + n + "@example.com").displayName("Restricted " + n)
                    .restrictedByAdmin("Restricted by the emulator").build();
            case ANONYMOUS -> NewUser.anonymousUser().build();
        };
        return mintAccessToken(createUser(spec));
    }

    /** A token builder for hostile-token tests; see {@link TokenBuilder}. */
    public TokenBuilder token(EmulatedUser user) {
        return new TokenBuilder(project, user);
    }

    /** New key pairs (new kids) for every class; signing uses them; the old keys leave the JWKS. */
    public void rotateKeys() {
        rotateKeys(false);
    }

    /**
     * New key pairs (new kids) for every class; signing uses them at once.
     *
     * @param keepOld keep the previous keys in the JWKS (after the new ones of each class), as during a graceful
     *        rollover; older generations are dropped. Tokens signed by a dropped key fail with {@code UNPARSABLE_ACCESS_TOKEN}.
     */
    public void rotateKeys(boolean keepOld) {
        project.keyRing().rotate(keepOld);
    }

    // ------------------------------------------------------------------ teams

    /** Creates a team without members. */
    public EmulatedTeam createTeam(String displayName) {
        return project.store().createTeam(Objects.requireNonNull(displayName, "displayName")).snapshot();
    }

    /**
     * Creates a team whose creator joins it with the creator's default permissions ({@code team_admin}), like
     * {@code POST /teams} with {@code creator_user_id}.
     */
    public EmulatedTeam createTeam(String displayName, String creatorUserId) {
        Objects.requireNonNull(displayName, "displayName");
        EmulatorStore store = project.store();
        synchronized (store) {
            requireUser(creatorUserId);
            StoredTeam team = store.createTeam(displayName);
            store.addMember(team, creatorUserId, true);
            return team.snapshot();
        }
    }

    /** The team with this id, as it is now. */
    public Optional<EmulatedTeam> team(String teamId) {
        EmulatorStore store = project.store();
        synchronized (store) {
            return Optional.ofNullable(store.team(Objects.requireNonNull(teamId, "teamId"))).map(StoredTeam::snapshot);
        }
    }

    /** Deletes a team with its memberships, API keys and pending invitations; returns whether it existed. */
    public boolean deleteTeam(String teamId) {
        return project.store().deleteTeam(Objects.requireNonNull(teamId, "teamId"));
    }

    /**
     * Adds a user to a team with the default member permissions ({@code team_member}), like
     * {@code POST /team-memberships/{team_id}/{user_id}}; nothing happens if the user is a member already.
     */
    public void addTeamMember(String teamId, String userId) {
        EmulatorStore store = project.store();
        synchronized (store) {
            requireUser(userId);
            StoredTeam team = requireTeam(teamId);
            if (!team.hasMember(userId)) {
                store.addMember(team, userId, false);
            }
        }
    }

    /** Removes a user from a team (with their team permissions); returns whether they were a member. */
    public boolean removeTeamMember(String teamId, String userId) {
        EmulatorStore store = project.store();
        synchronized (store) {
            return store.removeMember(requireTeam(teamId), Objects.requireNonNull(userId, "userId"));
        }
    }

    /** Selects a team for the user (the {@code selected_team_id} claim of tokens minted afterwards). */
    public void selectTeam(String userId, String teamId) {
        EmulatorStore store = project.store();
        synchronized (store) {
            StoredUser user = requireUser(userId);
            if (teamId != null && !requireTeam(teamId).hasMember(userId)) {
                throw new IllegalArgumentException("The user is not a member of the team");
            }
            user.selectedTeamId = teamId;
        }
    }

    // ------------------------------------------------------------------ permissions

    /**
     * Defines (or redefines) a team permission that may contain other team permissions; {@code recursive=true} lists
     * contain the contained ones too. Contained ids may be defined later. Predefined: {@code team_admin} (given to team
     * creators), {@code team_member} (given to members who join) and the system permissions {@code $update_team},
     * {@code $delete_team}, {@code $read_members}, {@code $remove_members}, {@code $invite_members},
     * {@code $manage_api_keys}.
     *
     * @throws IllegalArgumentException for an id not matching {@code [a-z0-9_:]+} or defined as a project permission
     */
    public void defineTeamPermission(String permissionId, String... containedPermissionIds) {
        define(PermissionRegistry.Scope.TEAM, permissionId, containedPermissionIds);
    }

    /**
     * Defines (or redefines) a project permission that may contain other project permissions.
     *
     * @throws IllegalArgumentException for an id not matching {@code [a-z0-9_:]+} or defined as a team permission
     */
    public void defineProjectPermission(String permissionId, String... containedPermissionIds) {
        define(PermissionRegistry.Scope.PROJECT, permissionId, containedPermissionIds);
    }

    private void define(PermissionRegistry.Scope scope, String permissionId, String... contained) {
        if (!PermissionRegistry.CUSTOM_ID.matcher(Objects.requireNonNull(permissionId, "permissionId")).matches()) {
            throw new IllegalArgumentException("Permission ids match [a-z0-9_:]+");
        }
        EmulatorStore store = project.store();
        synchronized (store) {
            store.permissions().define(scope, permissionId, List.of(contained));
        }
    }

    /** Grants a team permission to a user, making the user a member (with the default member permissions) if needed. */
    public void grantTeamPermission(String teamId, String userId, String permissionId) {
        EmulatorStore store = project.store();
        synchronized (store) {
            requireGrantable(PermissionRegistry.Scope.TEAM, permissionId);
            addTeamMember(teamId, userId);
            store.grantTeamPermission(teamId, requireTeam(teamId).member(userId), permissionId);
        }
    }

    /** Revokes a directly granted team permission; returns whether it was granted. */
    public boolean revokeTeamPermission(String teamId, String userId, String permissionId) {
        EmulatorStore store = project.store();
        synchronized (store) {
            StoredMember member = requireTeam(teamId).member(Objects.requireNonNull(userId, "userId"));
            return member != null && store.revokeTeamPermission(teamId, member, permissionId);
        }
    }

    /** Grants a project permission to a user. */
    public void grantProjectPermission(String userId, String permissionId) {
        EmulatorStore store = project.store();
        synchronized (store) {
            requireUser(userId);
            requireGrantable(PermissionRegistry.Scope.PROJECT, permissionId);
            store.projectGrants(userId).add(permissionId);
        }
    }

    /** Revokes a directly granted project permission; returns whether it was granted. */
    public boolean revokeProjectPermission(String userId, String permissionId) {
        EmulatorStore store = project.store();
        synchronized (store) {
            requireUser(userId);
            return store.projectGrants(userId).remove(permissionId);
        }
    }

    private void requireGrantable(PermissionRegistry.Scope scope, String permissionId) {
        PermissionRegistry.Definition d = project.store().permissions().find(Objects.requireNonNull(permissionId, "permissionId"));
        String define = scope == PermissionRegistry.Scope.TEAM ? "defineTeamPermission" : "defineProjectPermission";
        if (d == null || d.scope() != scope) {
            throw new IllegalArgumentException("Unknown " + scope.wireName() + " permission " + permissionId
                    + " (define it with " + define + ")");
        }
    }

    // ------------------------------------------------------------------ API keys

    /**
     * Creates a user or team API key, like {@code POST /user-api-keys} or {@code POST /team-api-keys}; the result
     * carries the full key, which the HTTP API shows only at creation.
     *
     * @throws IllegalArgumentException when the user or team does not exist
     */
    public EmulatedApiKey createApiKey(NewApiKey newKey) {
        Objects.requireNonNull(newKey, "newKey");
        EmulatorStore store = project.store();
        synchronized (store) {
            if (newKey.type().equals("user")) {
                requireUser(newKey.ownerId());
            } else {
                requireTeam(newKey.ownerId());
            }
            return store.createApiKey(newKey.type(), newKey.ownerId(), newKey.description(), newKey.isPublic(),
                    newKey.expiresAt() == null ? null : newKey.expiresAt().toEpochMilli()).snapshotWithValue();
        }
    }

    /** Revokes an API key (checks then answer {@code API_KEY_REVOKED}); returns whether it existed. */
    public boolean revokeApiKey(String apiKeyId) {
        EmulatorStore store = project.store();
        synchronized (store) {
            StoredApiKey key = store.apiKey(Objects.requireNonNull(apiKeyId, "apiKeyId"));
            if (key != null && key.revokedAtMillis == null) {
                key.revokedAtMillis = store.nowMillis();
            }
            return key != null;
        }
    }

    // ------------------------------------------------------------------ e-mailed codes

    /**
     * The codes the project would have e-mailed that are still usable (not used, not expired), oldest first: contact
     * channel verifications and team invitations. The emulator sends no e-mail; tests read the codes here.
     */
    public List<VerificationCode> pendingCodes() {
        EmulatorStore store = project.store();
        synchronized (store) {
            return store.pendingCodes().stream().map(StoredCode::snapshot).toList();
        }
    }

    /** The newest usable code of this purpose sent to this address (any case). */
    public Optional<VerificationCode> pendingCode(VerificationCode.Purpose purpose, String recipient) {
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(recipient, "recipient");
        List<VerificationCode> codes = pendingCodes();
        for (int i = codes.size() - 1; i >= 0; i--) {
            VerificationCode c = codes.get(i);
            if (c.purpose() == purpose && c.recipient().equalsIgnoreCase(recipient)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    // ------------------------------------------------------------------ faults, CLI

    /** JWKS faults. */
    public Faults faults() {
        return faults;
    }

    /** How many requests reached the JWKS endpoint (faulted or not) since start or the last reset. */
    public long jwksRequestCount() {
        return project.faults().requestCount();
    }

    /** Resets {@link #jwksRequestCount()} to zero. */
    public void resetJwksRequestCount() {
        project.faults().resetRequestCount();
    }

    /**
     * How many {@code method} requests reached {@code path} (e.g. {@code "/api/v1/project-permissions"}, decoded, query
     * excluded) since start or the last {@link #resetRequestCounts()}: lets tests assert how many calls an integration
     * makes. 0 before {@link #start()}.
     */
    public long requestCount(String method, String path) {
        synchronized (lifecycle) {
            return server == null ? 0 : server.requestCount(method, path);
        }
    }

    /**
     * The headers of the last {@code method} request to {@code path} (decoded, query excluded), e.g. to check the
     * {@code traceparent} an application sent: names in lower case, every value as received (a header sent twice
     * shows twice), the values of headers carrying keys, tokens or cookies masked as {@code ****}. Empty when no such
     * request arrived since start or the last {@link #resetRequestCounts()}.
     */
    public Map<String, List<String>> lastRequestHeaders(String method, String path) {
        synchronized (lifecycle) {
            return server == null ? Map.of() : server.lastRequestHeaders(method, path);
        }
    }

    /** Resets every {@link #requestCount} to zero, and forgets every {@link #lastRequestHeaders}. */
    public void resetRequestCounts() {
        synchronized (lifecycle) {
            if (server != null) {
                server.resetRequestCounts();
            }
        }
    }

    /** The browser side of the CLI login flow. */
    public CliLogins cli() {
        return cli;
    }

    @Override
    public String toString() {
        return "HexclaveEmulator[projectId=" + projectId() + ", apiUrl=" + project.apiUrl() + "]";
    }

    private EmulatedUser snapshot(StoredUser u) {
        synchronized (project.store()) {
            return u.snapshot(project.requireEmailVerification());
        }
    }

    private StoredUser requireUser(String userId) {
        StoredUser user = project.store().user(Objects.requireNonNull(userId, "userId"));
        if (user == null) {
            throw new IllegalArgumentException("Unknown user " + userId);
        }
        return user;
    }

    private StoredTeam requireTeam(String teamId) {
        StoredTeam team = project.store().team(Objects.requireNonNull(teamId, "teamId"));
        if (team == null) {
            throw new IllegalArgumentException("Unknown team " + teamId);
        }
        return team;
    }

    /** Builder of {@link HexclaveEmulator}. */
    public static final class Builder {
        private String projectId = UUID.randomUUID().toString();
        private String secretServerKey = "ssk_emulator_" + Randoms.base32(32);
        private String publishableClientKey = "pck_emulator_" + Randoms.base32(32);
        private boolean requirePublishableClientKey = true;
        private boolean requireEmailVerification;
        private boolean clientUserDeletionEnabled;
        private boolean clientTeamCreationEnabled;
        private boolean signUpEnabled = true;
        private Duration accessTokenLifetime = Duration.ofMinutes(10);
        private Duration jwksMaxAge = Duration.ofHours(1);
        private String issuerOrigin;
        private int port;
        private Clock clock = Clock.systemUTC();
        private List<String> corsAllowedOrigins = CorsPolicy.LOCAL_DEV_ORIGINS;

        private Builder() {
        }

        /** The project id (default: a random UUID). */
        public Builder projectId(String projectId) {
            this.projectId = requireText(projectId, "projectId");
            return this;
        }

        /** The secret server key (default {@code ssk_emulator_<random>}). */
        public Builder secretServerKey(String secretServerKey) {
            this.secretServerKey = requireText(secretServerKey, "secretServerKey");
            return this;
        }

        /** The publishable client key (default {@code pck_emulator_<random>}). */
        public Builder publishableClientKey(String publishableClientKey) {
            this.publishableClientKey = requireText(publishableClientKey, "publishableClientKey");
            return this;
        }

        /** Whether client-access requests must carry the publishable client key (default true). */
        public Builder requirePublishableClientKey(boolean require) {
            this.requirePublishableClientKey = require;
            return this;
        }

        /**
         * Whether users without a verified primary e-mail are restricted ({@code email_not_verified}) (default false,
         * so unverified users are normal).
         */
        public Builder requireEmailVerification(boolean require) {
            this.requireEmailVerification = require;
            return this;
        }

        /** Whether client access may {@code DELETE /users/me} (default false, as in a new Hexclave project). */
        public Builder clientUserDeletionEnabled(boolean enabled) {
            this.clientUserDeletionEnabled = enabled;
            return this;
        }

        /**
         * Whether client access may {@code POST /teams}, creating a team with the signed-in caller as its creator
         * (default false, as in a new Hexclave project, where it answers 403).
         */
        public Builder clientTeamCreationEnabled(boolean enabled) {
            this.clientTeamCreationEnabled = enabled;
            return this;
        }

        /**
         * Whether new users may sign up through the frontend flows (password sign-up, e-mail code sign-in of an
         * unknown address) (default true); when false they answer {@code SIGN_UP_NOT_ENABLED}.
         */
        public Builder signUpEnabled(boolean enabled) {
            this.signUpEnabled = enabled;
            return this;
        }

        /** {@code exp - iat} of minted access tokens (default 10 minutes; whole seconds). */
        public Builder accessTokenLifetime(Duration lifetime) {
            this.accessTokenLifetime = requirePositive(lifetime, "accessTokenLifetime");
            return this;
        }

        /** The {@code max-age} of the JWKS {@code Cache-Control} header (default 3600 s). */
        public Builder jwksMaxAge(Duration maxAge) {
            Objects.requireNonNull(maxAge, "jwksMaxAge");
            if (maxAge.isNegative()) {
                throw new IllegalArgumentException("jwksMaxAge must not be negative");
            }
            this.jwksMaxAge = maxAge;
            return this;
        }

        /**
         * The origin stamped into {@code iss} (default: {@code apiUrl()}), e.g. {@code https://api.hexclave.com} to mint
         * tokens that look like the hosted service's. The emulator also accepts its own origin and the rebrand alias.
         */
        public Builder issuerOrigin(String origin) {
            String o = requireText(origin, "issuerOrigin");
            this.issuerOrigin = o.endsWith("/") ? o.substring(0, o.length() - 1) : o;
            return this;
        }

        /** The port on 127.0.0.1 (default 0: a free port). */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0..65535");
            }
            this.port = port;
            return this;
        }

        /** The clock for token times, session and CLI expiry (default: system UTC); e.g. a fixed or offset clock. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * The browser origins allowed to call the API (CORS), replacing the default {@code http://localhost:*} and
         * {@code http://127.0.0.1:*} (dev servers on any port). Each is an exact origin
         * ({@code https://app.example.com}), an origin with any port ({@code http://devbox.local:*}) or {@code *}
         * (every origin).
         *
         * @throws IllegalArgumentException for anything else
         */
        public Builder corsAllowedOrigins(List<String> origins) {
            List<String> copy = List.copyOf(Objects.requireNonNull(origins, "origins"));
            new CorsPolicy(copy); // validates
            this.corsAllowedOrigins = copy;
            return this;
        }

        /** Builds a stopped emulator; call {@link HexclaveEmulator#start()}. */
        public HexclaveEmulator build() {
            return new HexclaveEmulator(new EmulatorSettings(projectId, secretServerKey, publishableClientKey,
                    requirePublishableClientKey, requireEmailVerification, clientUserDeletionEnabled, clientTeamCreationEnabled,
                    signUpEnabled,
                    accessTokenLifetime, jwksMaxAge, issuerOrigin, "127.0.0.1", port, clock, corsAllowedOrigins));
        }

        private static String requireText(String value, String name) {
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException(name + " must not be blank");
            }
            return value;
        }

        private static Duration requirePositive(Duration value, String name) {
            Objects.requireNonNull(value, name);
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + " must be positive");
            }
            return value;
        }
    }
}
