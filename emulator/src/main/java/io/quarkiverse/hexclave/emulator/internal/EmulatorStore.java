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

/**
 * The in-memory state of one emulated project. Every method is synchronized on the store; callers doing several
 * steps atomically synchronize on the store themselves.
 */
public final class EmulatorStore {

    /** Default refresh-token lifetime of server-created sessions: 365 days (§6.1). */
    public static final long DEFAULT_SESSION_MILLIS = 31_536_000_000L;

    private final Clock clock;
    private final Map<String, StoredUser> users = new LinkedHashMap<>();
    private final Map<String, StoredSession> sessions = new LinkedHashMap<>();
    private final Map<String, StoredSession> sessionsByRefreshToken = new HashMap<>();
    private final Map<String, StoredTeam> teams = new LinkedHashMap<>();
    /** team permission id → directly contained permission ids. */
    private final Map<String, Set<String>> teamPermissionDefinitions = new LinkedHashMap<>();
    private final Map<String, CliAttempt> cliByPollingCode = new HashMap<>();
    private final Map<String, CliAttempt> cliByLoginCode = new HashMap<>();

    public EmulatorStore(Clock clock) {
        this.clock = clock;
        for (String system : List.of("$update_team", "$delete_team", "$read_members", "$remove_members",
                "$invite_members", "$manage_api_keys")) {
            teamPermissionDefinitions.put(system, Set.of());
        }
        teamPermissionDefinitions.put("team_member", Set.of("$read_members", "$invite_members"));
        teamPermissionDefinitions.put("team_admin", new LinkedHashSet<>(List.of("$update_team", "$delete_team",
                "$read_members", "$remove_members", "$invite_members", "$manage_api_keys")));
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

    public synchronized List<StoredUser> users() {
        return new ArrayList<>(users.values());
    }

    /** The user, other than {@code exceptUserId}, whose primary e-mail is used for sign-in and equals the given one. */
    public synchronized StoredUser authEmailOwner(String email, String exceptUserId) {
        for (StoredUser u : users.values()) {
            if (!u.id.equals(exceptUserId) && u.primaryEmailAuthEnabled && u.primaryEmail != null
                    && u.primaryEmail.equalsIgnoreCase(email)) {
                return u;
            }
        }
        return null;
    }

    public synchronized boolean deleteUser(String id) {
        if (users.remove(id) == null) {
            return false;
        }
        revokeSessionsOf(id);
        for (StoredTeam team : teams.values()) {
            team.members.remove(id);
        }
        return true;
    }

    // ------------------------------------------------------------------ sessions

    public synchronized StoredSession createSession(String userId, long expiresInMillis, boolean impersonation) {
        long now = nowMillis();
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

    // ------------------------------------------------------------------ teams and permissions

    public synchronized StoredTeam createTeam(String displayName) {
        StoredTeam team = new StoredTeam(UUID.randomUUID().toString(), displayName, nowMillis());
        teams.put(team.id, team);
        return team;
    }

    public synchronized StoredTeam team(String id) {
        return teams.get(id);
    }

    public synchronized List<StoredTeam> teams() {
        return new ArrayList<>(teams.values());
    }

    public synchronized void defineTeamPermission(String id, Set<String> contained) {
        teamPermissionDefinitions.put(id, new LinkedHashSet<>(contained));
    }

    public synchronized boolean teamPermissionExists(String id) {
        return teamPermissionDefinitions.containsKey(id);
    }

    /** The permission and everything it contains, transitively, in a stable order. */
    public synchronized Set<String> expandTeamPermission(String id) {
        Set<String> out = new LinkedHashSet<>();
        List<String> todo = new ArrayList<>(List.of(id));
        while (!todo.isEmpty()) {
            String next = todo.remove(0);
            if (out.add(next)) {
                todo.addAll(teamPermissionDefinitions.getOrDefault(next, Set.of()));
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ CLI login

    public synchronized CliAttempt startCli(long expiresInMillis) {
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
}
