package io.quarkiverse.hexclave.emulator;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import io.quarkiverse.hexclave.emulator.internal.ApiServer;
import io.quarkiverse.hexclave.emulator.internal.EmulatedProject;
import io.quarkiverse.hexclave.emulator.internal.EmulatorSettings;
import io.quarkiverse.hexclave.emulator.internal.EmulatorStore;
import io.quarkiverse.hexclave.emulator.internal.Json;
import io.quarkiverse.hexclave.emulator.internal.Randoms;
import io.quarkiverse.hexclave.emulator.internal.StoredSession;
import io.quarkiverse.hexclave.emulator.internal.StoredTeam;
import io.quarkiverse.hexclave.emulator.internal.StoredUser;

/**
 * An in-process Hexclave (ex-Stack Auth) project served on loopback: the JWKS, users, sessions, team-permission and
 * CLI-login endpoints of {@code /api/v1}, ES256 access tokens shaped exactly like Hexclave's, and JWKS faults.
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

    private static final Pattern PERMISSION_ID = Pattern.compile("[a-z0-9_:]+|\\$[a-z0-9_]+");

    private final EmulatedProject project;
    private final Faults faults;
    private final CliLogins cli;
    private final Object lifecycle = new Object();
    private ApiServer server;
    private boolean closed;

    private HexclaveEmulator(EmulatorSettings settings) {
        this.project = new EmulatedProject(settings);
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

    public Duration accessTokenLifetime() {
        return project.settings().accessTokenLifetime();
    }

    /** The JWKS document as served (ignores faults), e.g. for a verifier configured with static keys. */
    public String jwksJson(boolean includeRestricted, boolean includeAnonymous) {
        return Json.write(project.keyRing().jwks(includeRestricted, includeAnonymous));
    }

    // ------------------------------------------------------------------ users

    /** Creates a user. */
    public EmulatedUser createUser(NewUser newUser) {
        Objects.requireNonNull(newUser, "newUser");
        return snapshot(project.createUser(newUser));
    }

    /**
     * The demo user {@code demo@example.com} / "Demo User" (verified e-mail, sign-in by e-mail enabled), created on
     * first call and returned unchanged afterwards (unless deleted).
     */
    public EmulatedUser seedDemoUser() {
        EmulatorStore store = project.store();
        synchronized (store) {
            for (StoredUser u : store.users()) {
                if ("demo@example.com".equals(u.primaryEmail) && "Demo User".equals(u.displayName)) {
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

    // ------------------------------------------------------------------ teams and permissions

    /** Creates a team. */
    public EmulatedTeam createTeam(String displayName) {
        return project.store().createTeam(Objects.requireNonNull(displayName, "displayName")).snapshot();
    }

    /** Adds a user to a team (no permission granted). */
    public void addTeamMember(String teamId, String userId) {
        EmulatorStore store = project.store();
        synchronized (store) {
            requireUser(userId);
            requireTeam(teamId).permissionsOf(userId);
        }
    }

    /** Grants a team permission to a user (making the user a member if needed). */
    public void grantTeamPermission(String teamId, String userId, String permissionId) {
        EmulatorStore store = project.store();
        synchronized (store) {
            requireUser(userId);
            if (!store.teamPermissionExists(permissionId)) {
                throw new IllegalArgumentException("Unknown team permission " + permissionId
                        + " (define it with defineTeamPermission)");
            }
            requireTeam(teamId).permissionsOf(userId).add(permissionId);
        }
    }

    /**
     * Defines (or redefines) a team permission that may contain others. Predefined: {@code team_admin},
     * {@code team_member} and the system permissions {@code $update_team}, {@code $delete_team}, {@code $read_members},
     * {@code $remove_members}, {@code $invite_members}, {@code $manage_api_keys}.
     */
    public void defineTeamPermission(String permissionId, String... containedPermissionIds) {
        if (!PERMISSION_ID.matcher(permissionId).matches()) {
            throw new IllegalArgumentException("Permission ids match [a-z0-9_:]+");
        }
        project.store().defineTeamPermission(permissionId, Set.of(containedPermissionIds));
    }

    /** Selects a team for the user (the {@code selected_team_id} claim of tokens minted afterwards). */
    public void selectTeam(String userId, String teamId) {
        EmulatorStore store = project.store();
        synchronized (store) {
            StoredUser user = requireUser(userId);
            if (teamId != null && !requireTeam(teamId).members.containsKey(userId)) {
                throw new IllegalArgumentException("The user is not a member of the team");
            }
            user.selectedTeamId = teamId;
        }
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
        private Duration accessTokenLifetime = Duration.ofMinutes(10);
        private Duration jwksMaxAge = Duration.ofHours(1);
        private String issuerOrigin;
        private int port;
        private Clock clock = Clock.systemUTC();

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

        /** Builds a stopped emulator; call {@link HexclaveEmulator#start()}. */
        public HexclaveEmulator build() {
            return new HexclaveEmulator(new EmulatorSettings(projectId, secretServerKey, publishableClientKey,
                    requirePublishableClientKey, requireEmailVerification, clientUserDeletionEnabled,
                    accessTokenLifetime, jwksMaxAge, issuerOrigin, "127.0.0.1", port, clock));
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
