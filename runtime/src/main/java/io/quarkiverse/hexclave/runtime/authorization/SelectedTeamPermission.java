package io.quarkiverse.hexclave.runtime.authorization;

import java.security.Permission;

/**
 * A Hexclave team permission in the team selected in the user's token ({@code selected_team_id}), for
 * {@code @PermissionsAllowed}: passes when the Hexclave user holds the permission named by {@code value} (containment
 * included) in that team; a token without a selected team never passes.
 *
 * <pre>{@code
 * @PermissionsAllowed(value = "docs_read", permission = SelectedTeamPermission.class)
 * public List<Doc> docsOfMyTeam() { … }
 * }</pre>
 */
public final class SelectedTeamPermission extends Permission {

    private static final long serialVersionUID = 1L;

    /** @param name the Hexclave team permission id (from {@code @PermissionsAllowed#value}) */
    public SelectedTeamPermission(String name) {
        super(name);
    }

    /** Never: only Hexclave decides, through the permission checker the extension adds to each Hexclave identity. */
    @Override
    public boolean implies(Permission permission) {
        return false;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SelectedTeamPermission other && getName().equals(other.getName());
    }

    @Override
    public int hashCode() {
        return getName().hashCode();
    }

    @Override
    public String getActions() {
        return "";
    }
}
