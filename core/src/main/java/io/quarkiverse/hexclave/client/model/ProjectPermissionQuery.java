package io.quarkiverse.hexclave.client.model;

import java.util.Map;

/**
 * The filters of {@code GET /project-permissions} (wire reference §8.2); each one is optional, only set ones are sent.
 * <pre>{@code
 * ProjectPermissionQuery.builder().userId(userId).permissionId("admin").recursive(true).build();
 * }</pre>
 */
public final class ProjectPermissionQuery extends ListQuery {

    private ProjectPermissionQuery(Map<String, String> parameters) {
        super(parameters);
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** The project permissions of one user, including implied ones. */
    public static ProjectPermissionQuery ofUser(String userId) {
        return builder().userId(userId).recursive(true).build();
    }

    /** Builds a {@link ProjectPermissionQuery}. */
    public static final class Builder extends PermissionQueryBuilder<Builder> {

        private Builder() {
        }

        public ProjectPermissionQuery build() {
            return new ProjectPermissionQuery(p);
        }
    }
}
