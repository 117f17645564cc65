package io.quarkiverse.hexclave.emulator.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The project's permission definitions (Hexclave's {@code rbac.permissions}): one id space, each definition scoped to
 * teams or to the project, each possibly containing other permissions of its scope. The team system permissions
 * ({@code $update_team} …) are always defined. A new project defines {@code team_admin} (given to team creators) and
 * {@code team_member} (given to members who join). Guarded by the {@link EmulatorStore} lock.
 */
public final class PermissionRegistry {

    /** What a permission applies to. */
    public enum Scope {
        TEAM,
        PROJECT;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** A permission definition. */
    public record Definition(String id, Scope scope, Set<String> contained) {
    }

    /** Ids of custom permissions (lower-case letters, digits, {@code _} and {@code :}). */
    public static final Pattern CUSTOM_ID = Pattern.compile("[a-z0-9_:]+");
    /** Ids a request may name: a custom id or a {@code $} system id. */
    public static final Pattern ANY_ID = Pattern.compile("\\$?[a-z0-9_:]+");
    public static final List<String> TEAM_SYSTEM_PERMISSIONS = List.of("$update_team", "$delete_team", "$read_members",
            "$remove_members", "$invite_members", "$manage_api_keys");

    private final Map<String, Definition> definitions = new LinkedHashMap<>();
    private final Set<String> teamCreatorDefaults = new LinkedHashSet<>(List.of("team_admin"));
    private final Set<String> teamMemberDefaults = new LinkedHashSet<>(List.of("team_member"));

    public PermissionRegistry() {
        for (String system : TEAM_SYSTEM_PERMISSIONS) {
            definitions.put(system, new Definition(system, Scope.TEAM, Set.of()));
        }
        define(Scope.TEAM, "team_member", List.of("$read_members", "$invite_members"));
        define(Scope.TEAM, "team_admin", TEAM_SYSTEM_PERMISSIONS);
    }

    /**
     * Defines or redefines a permission. Contained ids may be defined later; until then they contain nothing (as in
     * Hexclave, where a grant of a deleted definition is skipped).
     *
     * @throws IllegalArgumentException for a system id, or an id already defined for the other scope
     */
    public void define(Scope scope, String id, Collection<String> contained) {
        if (TEAM_SYSTEM_PERMISSIONS.contains(id)) {
            throw new IllegalArgumentException("System permission " + id + " cannot be redefined");
        }
        Definition existing = definitions.get(id);
        if (existing != null && existing.scope() != scope) {
            throw new IllegalArgumentException("Permission " + id + " is already defined as a "
                    + existing.scope().wireName() + " permission");
        }
        definitions.put(id, new Definition(id, scope, Set.copyOf(new TreeSet<>(contained))));
    }

    /** The definition of an id, or {@code null}. */
    public Definition find(String id) {
        return definitions.get(id);
    }

    /**
     * Checks that a permission can be granted in a scope.
     *
     * @throws KnownError {@code PERMISSION_NOT_FOUND} or {@code WRONG_PERMISSION_SCOPE}
     */
    public void requireGrantable(Scope scope, String id) {
        Definition d = definitions.get(id);
        if (d == null) {
            throw KnownError.permissionNotFound(id);
        }
        if (d.scope() != scope) {
            throw KnownError.wrongPermissionScope(id, scope, d.scope());
        }
    }

    /**
     * The permissions a set of direct grants amounts to: the grants themselves (skipping undefined ones) and, when
     * recursive, everything they contain, transitively; sorted by id, as Hexclave lists them.
     */
    public Set<String> effective(Collection<String> granted, boolean recursive) {
        Set<String> out = new TreeSet<>();
        List<String> todo = new ArrayList<>(granted);
        while (!todo.isEmpty()) {
            Definition d = definitions.get(todo.remove(todo.size() - 1));
            if (d != null && out.add(d.id()) && recursive) {
                todo.addAll(d.contained());
            }
        }
        return out;
    }

    /** Whether a user holding these direct grants has the permission (directly or through containment). */
    public boolean holds(Collection<String> granted, String permissionId) {
        return effective(granted, true).contains(permissionId);
    }

    /** What a team's creator gets ({@code rbac.defaultPermissions.teamCreator}). */
    public Set<String> teamCreatorDefaults() {
        return teamCreatorDefaults;
    }

    /** What a member who joins gets ({@code rbac.defaultPermissions.teamMember}). */
    public Set<String> teamMemberDefaults() {
        return teamMemberDefaults;
    }
}
