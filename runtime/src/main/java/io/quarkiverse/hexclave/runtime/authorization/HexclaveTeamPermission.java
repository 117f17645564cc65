package io.quarkiverse.hexclave.runtime.authorization;

import java.security.Permission;
import java.util.Objects;

/**
 * A Hexclave team permission, for {@code @PermissionsAllowed}: passes when the Hexclave user holds the permission
 * named by {@code value} (containment included) in the team given by the method argument named in {@code params}.
 *
 * <pre>{@code
 * @GET @Path("/teams/{teamId}/docs")
 * @PermissionsAllowed(value = "docs_read", permission = HexclaveTeamPermission.class, params = "teamId")
 * public List<Doc> docs(String teamId) { … }
 * }</pre>
 *
 * Checked with at most one Hexclave call per user per cache lifetime, off the event loop; 403 when not held, 503 when
 * Hexclave cannot be asked.
 */
public final class HexclaveTeamPermission extends Permission {

    private static final long serialVersionUID = 1L;

    private final String teamId;

    /**
     * @param name the Hexclave team permission id (from {@code @PermissionsAllowed#value})
     * @param teamId the team, from the secured method's argument
     */
    public HexclaveTeamPermission(String name, String teamId) {
        super(name);
        this.teamId = teamId;
    }

    /** The team the permission must be held in; {@code null} when the argument was. */
    public String teamId() {
        return teamId;
    }

    /** Never: only Hexclave decides, through the permission checker the extension adds to each Hexclave identity. */
    @Override
    public boolean implies(Permission permission) {
        return false;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HexclaveTeamPermission other && getName().equals(other.getName())
                && Objects.equals(teamId, other.teamId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(getName(), teamId);
    }

    @Override
    public String getActions() {
        return "";
    }
}
