package io.quarkiverse.hexclave.emulator.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.quarkiverse.hexclave.emulator.VerificationCode;

/**
 * The in-memory state of one emulated project. Every method is synchronized on the store; callers doing several
 * steps atomically synchronize on the store themselves.
 */
public final class EmulatorStore {

    /** Default refresh-token lifetime of server-created sessions: 365 days (§6.1). */
    public static final long DEFAULT_SESSION_MILLIS = 31_536_000_000L;
    /** How long an expired CLI attempt is kept (answering {@code expired}) before it is removed: 1 hour. */
    public static final long CLI_RETENTION_MILLIS = 3_600_000L;

    /** How long e-mailed codes stay valid: 7 days, Hexclave's default. */
    public static final long CODE_LIFETIME_MILLIS = 7L * 24 * 3_600_000L;
    /** Failed attempts after which a code stops working (Hexclave counts every attempt sharing its last 39 characters). */
    static final int MAX_CODE_ATTEMPTS = 20;

    private final Clock clock;
    private final Map<String, StoredUser> users = new LinkedHashMap<>();
    private final Map<String, StoredSession> sessions = new LinkedHashMap<>();
    private final Map<String, StoredSession> sessionsByRefreshToken = new HashMap<>();
    private final Map<String, StoredTeam> teams = new LinkedHashMap<>();
    private final PermissionRegistry permissions = new PermissionRegistry();
    /** user id → directly granted project permission ids. */
    private final Map<String, Set<String>> projectGrants = new HashMap<>();
    private final Map<String, StoredApiKey> apiKeys = new LinkedHashMap<>();
    private final Map<String, StoredApiKey> apiKeysBySecret = new HashMap<>();
    private final Map<String, StoredCode> codes = new LinkedHashMap<>();
    private final Map<String, StoredCode> codesByValue = new HashMap<>();
    /** data vault store id → hashed key → encrypted value. */
    private final Map<String, Map<String, String>> dataVault = new HashMap<>();
    private final Map<String, CliAttempt> cliByPollingCode = new HashMap<>();
    private final Map<String, CliAttempt> cliByLoginCode = new HashMap<>();

    private volatile StoreEvents events = StoreEvents.NONE;

    public EmulatorStore(Clock clock) {
        this.clock = clock;
    }

    /** Where the changes that Hexclave reports by webhook go. */
    void events(StoreEvents events) {
        this.events = events;
    }

    /** Reports that a user's fields changed (an update through the API). */
    public synchronized void userUpdated(StoredUser user) {
        events.userUpdated(user);
    }

    /** Reports that a team's fields changed (an update through the API). */
    public synchronized void teamUpdated(StoredTeam team) {
        events.teamUpdated(team);
    }

    public long nowMillis() {
        return clock.millis();
    }

    public Clock clock() {
        return clock;
    }

    // ------------------------------------------------------------------ users

    public synchronized StoredUser addUser(StoredUser user) {
        users.put(user.id, user);
        events.userCreated(user);
        return user;
    }

    public synchronized StoredUser newUserRow() {
        StoredUser user = new StoredUser(UUID.randomUUID().toString());
        long now = nowMillis();
        user.signedUpAtMillis = now;
        user.lastActiveAtMillis = now;
        return user;
    }

    public synchronized StoredUser user(String id) {
        return users.get(id);
    }

    /**
     * The user with this id.
     *
     * @throws KnownError {@code USER_NOT_FOUND}
     */
    public synchronized StoredUser requireUser(String id) {
        StoredUser user = users.get(id);
        if (user == null) {
            throw KnownError.userNotFound();
        }
        return user;
    }

    public synchronized List<StoredUser> users() {
        return new ArrayList<>(users.values());
    }

    /** The user, other than {@code exceptUserId}, who signs in with this e-mail (a contact channel used for auth). */
    public synchronized StoredUser authEmailOwner(String email, String exceptUserId) {
        for (StoredUser u : users.values()) {
            if (u.id.equals(exceptUserId)) {
                continue;
            }
            for (StoredContactChannel c : u.contactChannels) {
                if (c.usedForAuth && c.value.equalsIgnoreCase(email)) {
                    return u;
                }
            }
        }
        return null;
    }

    /** Deletes a user with their sessions, memberships, project permissions and API keys. */
    public synchronized boolean deleteUser(String id) {
        if (users.remove(id) == null) {
            return false;
        }
        revokeSessionsOf(id);
        List<String> teamIds = new ArrayList<>();
        for (StoredTeam team : teams.values()) {
            if (team.members.remove(id) != null) {
                teamIds.add(team.id);
            }
        }
        events.userDeleted(id, teamIds);
        projectGrants.remove(id);
        removeApiKeysOf("user", id);
        return true;
    }

    // ------------------------------------------------------------------ sessions

    public synchronized StoredSession createSession(String userId, long expiresInMillis, boolean impersonation) {
        long now = nowMillis();
        removeExpiredSessions(now);
        StoredSession session = new StoredSession(UUID.randomUUID().toString(), userId, Randoms.base32(45), now,
                now + expiresInMillis, impersonation);
        sessions.put(session.id, session);
        sessionsByRefreshToken.put(session.refreshToken, session);
        return session;
    }

    public synchronized StoredSession session(String id) {
        return sessions.get(id);
    }

    /** The live session of a refresh token whose user still exists, or {@code null}. */
    public synchronized StoredSession liveSessionByRefreshToken(String refreshToken) {
        StoredSession session = sessionsByRefreshToken.get(refreshToken);
        if (session == null || session.expiresAtMillis <= nowMillis() || !users.containsKey(session.userId)) {
            return null;
        }
        return session;
    }

    public synchronized List<StoredSession> sessionsOf(String userId) {
        List<StoredSession> out = new ArrayList<>();
        for (StoredSession s : sessions.values()) {
            if (s.userId.equals(userId) && s.expiresAtMillis > nowMillis()) {
                out.add(s);
            }
        }
        out.sort(Comparator.comparingLong((StoredSession s) -> s.createdAtMillis).reversed());
        return out;
    }

    /** Sessions past their expiry are unusable (refresh, list and revoke ignore them): dropped when sessions are created. */
    private void removeExpiredSessions(long now) {
        sessions.values().removeIf(s -> {
            if (s.expiresAtMillis <= now) {
                sessionsByRefreshToken.remove(s.refreshToken);
                return true;
            }
            return false;
        });
    }

    /** How many sessions are stored, expired ones not yet removed included (tests). */
    public synchronized int storedSessionCount() {
        return sessions.size();
    }

    public synchronized boolean revokeSession(String sessionId) {
        StoredSession s = sessions.remove(sessionId);
        if (s == null) {
            return false;
        }
        sessionsByRefreshToken.remove(s.refreshToken);
        return true;
    }

    public synchronized void revokeSessionsOf(String userId) {
        sessions.values().removeIf(s -> {
            if (s.userId.equals(userId)) {
                sessionsByRefreshToken.remove(s.refreshToken);
                return true;
            }
            return false;
        });
    }

    // ------------------------------------------------------------------ teams

    public synchronized StoredTeam createTeam(String displayName) {
        StoredTeam team = new StoredTeam(UUID.randomUUID().toString(), displayName, nowMillis());
        teams.put(team.id, team);
        events.teamCreated(team);
        return team;
    }

    public synchronized StoredTeam team(String id) {
        return teams.get(id);
    }

    /**
     * The team with this id.
     *
     * @throws KnownError {@code TEAM_NOT_FOUND}
     */
    public synchronized StoredTeam requireTeam(String id) {
        StoredTeam team = teams.get(id);
        if (team == null) {
            throw KnownError.teamNotFound(id);
        }
        return team;
    }

    public synchronized List<StoredTeam> teams() {
        return new ArrayList<>(teams.values());
    }

    /** Deletes a team with its memberships, API keys and pending invitations; members who selected it select none. */
    public synchronized boolean deleteTeam(String id) {
        StoredTeam team = teams.remove(id);
        if (team == null) {
            return false;
        }
        events.teamDeleted(id);
        for (String userId : team.members.keySet()) {
            deselectTeam(userId, id);
        }
        removeApiKeysOf("team", id);
        codes.values().removeIf(c -> {
            if (id.equals(c.teamId)) {
                codesByValue.remove(c.code);
                return true;
            }
            return false;
        });
        return true;
    }

    /**
     * Adds a user to a team and grants the project's default permissions for members, or for the team's creator
     * ({@code team_member} / {@code team_admin} in a new project).
     *
     * @throws KnownError {@code TEAM_MEMBERSHIP_ALREADY_EXISTS}
     */
    public synchronized StoredMember addMember(StoredTeam team, String userId, boolean creator) {
        if (team.hasMember(userId)) {
            throw KnownError.teamMembershipAlreadyExists();
        }
        StoredMember member = new StoredMember(userId, nowMillis());
        member.permissions.addAll(creator ? permissions.teamCreatorDefaults() : permissions.teamMemberDefaults());
        team.members.put(userId, member);
        events.membershipCreated(team.id, userId);
        return member;
    }

    /** Removes a membership (with its permissions); the user no longer selects the team. */
    public synchronized boolean removeMember(StoredTeam team, String userId) {
        if (team.members.remove(userId) == null) {
            return false;
        }
        events.membershipDeleted(team.id, userId);
        deselectTeam(userId, team.id);
        return true;
    }

    private void deselectTeam(String userId, String teamId) {
        StoredUser user = users.get(userId);
        if (user != null && teamId.equals(user.selectedTeamId)) {
            user.selectedTeamId = null;
        }
    }

    /** Grants a team permission to a member directly; returns whether it was not held yet. */
    public synchronized boolean grantTeamPermission(String teamId, StoredMember member, String permissionId) {
        boolean added = member.permissions.add(permissionId);
        if (added) {
            events.teamPermissionCreated(teamId, member.userId, permissionId);
        }
        return added;
    }

    /** Revokes a directly granted team permission; returns whether it was granted. */
    public synchronized boolean revokeTeamPermission(String teamId, StoredMember member, String permissionId) {
        boolean removed = member.permissions.remove(permissionId);
        if (removed) {
            events.teamPermissionDeleted(teamId, member.userId, permissionId);
        }
        return removed;
    }

    // ------------------------------------------------------------------ permissions

    public PermissionRegistry permissions() {
        return permissions;
    }

    /**
     * The membership of an existing user in a team.
     *
     * @throws KnownError {@code USER_NOT_FOUND}, then {@code TEAM_MEMBERSHIP_NOT_FOUND} (also for an unknown team)
     */
    public synchronized StoredMember requireMembership(String teamId, String userId) {
        requireUser(userId);
        StoredTeam team = teams.get(teamId);
        StoredMember member = team == null ? null : team.member(userId);
        if (member == null) {
            throw KnownError.teamMembershipNotFound(teamId, userId);
        }
        return member;
    }

    /**
     * What Hexclave checks before a client acts on a team: the user is a member holding the permission, directly or
     * through containment.
     *
     * @throws KnownError {@code TEAM_MEMBERSHIP_NOT_FOUND} or {@code TEAM_PERMISSION_REQUIRED}
     */
    public synchronized void requireTeamPermission(String teamId, String userId, String permissionId) {
        StoredMember member = requireMembership(teamId, userId);
        if (!permissions.holds(member.permissions, permissionId)) {
            throw KnownError.teamPermissionRequired(teamId, userId, permissionId);
        }
    }

    /** The user's directly granted project permissions (live, modifiable). */
    public synchronized Set<String> projectGrants(String userId) {
        return projectGrants.computeIfAbsent(userId, k -> new LinkedHashSet<>());
    }

    // ------------------------------------------------------------------ API keys

    /**
     * Creates a user or team API key; the owner must exist. The one code path of {@code POST /user-api-keys},
     * {@code POST /team-api-keys} and {@code HexclaveEmulator.createApiKey}.
     *
     * @param type {@code user} or {@code team}
     * @param expiresAtMillis expiry, or {@code null} for never
     */
    public synchronized StoredApiKey createApiKey(String type, String ownerId, String description, boolean isPublic,
            Long expiresAtMillis) {
        String id = UUID.randomUUID().toString();
        StoredApiKey key = new StoredApiKey(id, type, ownerId, ApiKeyFormat.create(id, isPublic, type), isPublic,
                nowMillis(), expiresAtMillis, description);
        apiKeys.put(key.id, key);
        apiKeysBySecret.put(key.secret, key);
        return key;
    }

    public synchronized StoredApiKey apiKey(String id) {
        return apiKeys.get(id);
    }

    public synchronized StoredApiKey apiKeyBySecret(String secret) {
        return apiKeysBySecret.get(secret);
    }

    /** The keys of a user or team, newest first. */
    public synchronized List<StoredApiKey> apiKeysOf(String type, String ownerId) {
        List<StoredApiKey> out = new ArrayList<>();
        for (StoredApiKey k : apiKeys.values()) {
            if (k.type.equals(type) && k.ownerId.equals(ownerId)) {
                out.add(k);
            }
        }
        out.sort(Comparator.comparingLong((StoredApiKey k) -> k.createdAtMillis).reversed());
        return out;
    }

    private void removeApiKeysOf(String type, String ownerId) {
        apiKeys.values().removeIf(k -> {
            if (k.type.equals(type) && k.ownerId.equals(ownerId)) {
                apiKeysBySecret.remove(k.secret);
                return true;
            }
            return false;
        });
    }

    // ------------------------------------------------------------------ e-mailed codes

    /**
     * Creates the code an e-mail would carry (valid 7 days); the e-mail itself is not sent: the code is read through
     * the Java API.
     *
     * @param callbackUrl the URL the e-mail's link leads to; {@code code} is appended as a query parameter
     */
    public synchronized StoredCode createCode(VerificationCode.Purpose purpose, String email, String userId, String teamId,
            String callbackUrl) {
        String code = Randoms.base32(45);
        String link = callbackUrl + (callbackUrl.contains("?") ? "&" : "?") + "code=" + code;
        StoredCode c = new StoredCode(UUID.randomUUID().toString(), purpose, code, email, userId, teamId, link,
                nowMillis() + CODE_LIFETIME_MILLIS);
        codes.put(c.id, c);
        codesByValue.put(code, c);
        return c;
    }

    public synchronized StoredCode code(String id) {
        return codes.get(id);
    }

    /**
     * Looks a submitted code up as Hexclave does: every code sharing its last 39 characters counts an attempt, then
     * the code must exist for this purpose, be unexpired, unused and under the attempt limit.
     *
     * @throws KnownError {@code VERIFICATION_CODE_NOT_FOUND}, {@code _EXPIRED}, {@code _ALREADY_USED} or
     *         {@code _MAX_ATTEMPTS_REACHED}
     */
    public synchronized StoredCode usableCode(VerificationCode.Purpose purpose, String submitted) {
        String code = submitted.toLowerCase(java.util.Locale.ROOT);
        StoredCode found = codesByValue.get(code);
        String tail = code.substring(Math.min(6, code.length()));
        for (StoredCode c : codes.values()) {
            if (c.code.endsWith(tail)) {
                c.attempts++;
            }
        }
        if (found == null || found.purpose != purpose) {
            throw KnownError.verificationCodeNotFound();
        }
        if (found.expiresAtMillis < nowMillis()) {
            throw KnownError.verificationCodeExpired();
        }
        if (found.usedAtMillis != null) {
            throw KnownError.verificationCodeAlreadyUsed();
        }
        if (found.attempts > MAX_CODE_ATTEMPTS) {
            throw KnownError.verificationCodeMaxAttemptsReached();
        }
        return found;
    }

    /** Codes not used and not expired, in the order they were sent. */
    public synchronized List<StoredCode> pendingCodes() {
        List<StoredCode> out = new ArrayList<>();
        long now = nowMillis();
        for (StoredCode c : codes.values()) {
            if (c.usedAtMillis == null && c.expiresAtMillis > now) {
                out.add(c);
            }
        }
        return out;
    }

    public synchronized boolean deleteCode(String id) {
        StoredCode c = codes.remove(id);
        if (c == null) {
            return false;
        }
        codesByValue.remove(c.code);
        return true;
    }

    // ------------------------------------------------------------------ data vault

    /** The entries of a data vault store (live, modifiable); every store id exists. */
    public synchronized Map<String, String> dataVaultStore(String storeId) {
        return dataVault.computeIfAbsent(storeId, k -> new HashMap<>());
    }

    // ------------------------------------------------------------------ CLI login

    public synchronized CliAttempt startCli(long expiresInMillis) {
        long now = nowMillis();
        // An expired attempt still answers "expired" to polls for a while; then it is dropped (→ INVALID_POLLING_CODE).
        cliByPollingCode.values().removeIf(a -> {
            if (a.expiresAtMillis + CLI_RETENTION_MILLIS <= now) {
                cliByLoginCode.remove(a.loginCode);
                return true;
            }
            return false;
        });
        CliAttempt attempt = new CliAttempt(Randoms.base32(45), Randoms.base32(45), nowMillis() + expiresInMillis);
        cliByPollingCode.put(attempt.pollingCode, attempt);
        cliByLoginCode.put(attempt.loginCode, attempt);
        return attempt;
    }

    public synchronized CliAttempt cliByPollingCode(String code) {
        return cliByPollingCode.get(code);
    }

    public synchronized CliAttempt cliByLoginCode(String code) {
        return cliByLoginCode.get(code);
    }

    /** How many CLI attempts are stored (tests). */
    public synchronized int storedCliAttemptCount() {
        return cliByPollingCode.size();
    }

    /** The attempt of {@code loginCode} if it still waits for confirmation (known, not expired, not completed). */
    public synchronized CliAttempt pendingCli(String loginCode) {
        CliAttempt attempt = cliByLoginCode.get(loginCode);
        return attempt == null || attempt.expiresAtMillis <= nowMillis() || attempt.refreshToken != null ? null : attempt;
    }

    /**
     * Completes a pending CLI login: hands the refresh token of {@code session} to the polling CLI. The one code path
     * of {@code POST /auth/cli/complete} and {@code HexclaveEmulator.cli().confirm(…)}.
     *
     * @return {@code false} when the login code is no longer pending
     */
    public synchronized boolean completeCli(String loginCode, StoredSession session) {
        CliAttempt attempt = pendingCli(loginCode);
        if (attempt == null) {
            return false;
        }
        attempt.refreshToken = session.refreshToken;
        return true;
    }
}
