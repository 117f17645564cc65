package io.quarkiverse.hexclave.client.model;

import java.util.LinkedHashMap;

/**
 * The filters {@link ProjectPermissionQuery} and {@link TeamPermissionQuery} share; each one is optional.
 *
 * @param <B> the concrete builder
 */
public abstract class PermissionQueryBuilder<B extends PermissionQueryBuilder<B>> extends ListQuery.Builder<B> {

    PermissionQueryBuilder() {
        super(new LinkedHashMap<>());
    }

    /** The user (a UUID). The client lists permissions with server access only, so {@code me} has no meaning here. */
    public B userId(String userId) {
        return putNonBlank("user_id", userId);
    }

    /** One permission id, e.g. {@code admin}, {@code team_admin} or {@code $read_members}. */
    public B permissionId(String permissionId) {
        return putNonBlank("permission_id", permissionId);
    }

    /** Also list permissions implied by the granted ones (through containment). */
    public B recursive(boolean recursive) {
        return put("recursive", Boolean.toString(recursive));
    }
}
