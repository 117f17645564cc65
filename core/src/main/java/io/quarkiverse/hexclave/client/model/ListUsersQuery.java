package io.quarkiverse.hexclave.client.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The query of {@code GET /users} (wire reference §5.2). Only parameters that were set are sent: Hexclave rejects
 * unknown ones, and its defaults apply to the rest (only "normal" users, oldest first).
 * <pre>{@code
 * ListUsersQuery q = ListUsersQuery.builder().query("ada").limit(50).orderBy(ListUsersQuery.OrderBy.LAST_ACTIVE_AT).desc(true).build();
 * }</pre>
 */
public final class ListUsersQuery extends ListQuery {

    /** The sort key. */
    public enum OrderBy {
        /** {@code signed_up_at} (Hexclave's default). */
        SIGNED_UP_AT,
        /** {@code last_active_at}. */
        LAST_ACTIVE_AT;

        String wire() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Largest page Hexclave serves. */
    public static final int MAX_LIMIT = 1000;

    private ListUsersQuery(Map<String, String> parameters) {
        super(parameters);
    }

    /** A query with no parameters: every normal user (Hexclave refuses this beyond 1000 users; set a limit). */
    public static ListUsersQuery all() {
        return new ListUsersQuery(Map.of());
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder(new LinkedHashMap<>());
    }

    /** A builder holding this query's parameters. */
    public Builder toBuilder() {
        return new Builder(new LinkedHashMap<>(parameters()));
    }

    /** This query for the page after {@code cursor}. */
    public ListUsersQuery withCursor(String cursor) {
        return toBuilder().cursor(cursor).build();
    }

    /** Builds a {@link ListUsersQuery}; every setter is optional. */
    public static final class Builder extends ListQuery.Builder<Builder> {

        private Builder(Map<String, String> p) {
            super(p);
        }

        /** Page size, 1 to {@value ListUsersQuery#MAX_LIMIT}. */
        public Builder limit(int limit) {
            return putLimit(limit, MAX_LIMIT);
        }

        /** Start after this cursor (a previous page's {@link UserPage#nextCursor()}); {@code null} removes it. */
        public Builder cursor(String cursor) {
            return putOrRemove("cursor", cursor);
        }

        /** Sort key. */
        public Builder orderBy(OrderBy orderBy) {
            p.put("order_by", Objects.requireNonNull(orderBy, "orderBy").wire());
            return this;
        }

        /** Sort newest / most recently active first. */
        public Builder desc(boolean desc) {
            p.put("desc", Boolean.toString(desc));
            return this;
        }

        /** Free-text search: user id, display name or any contact channel. */
        public Builder query(String query) {
            return putOrRemove("query", query);
        }

        /** Only members of this team. */
        public Builder teamId(String teamId) {
            return putOrRemove("team_id", teamId);
        }

        /** Leave out users whose primary e-mail is in one of these domains (exact domain match, at most 100). */
        public Builder excludedEmailDomains(List<String> domains) {
            if (domains == null || domains.isEmpty()) {
                p.remove("excluded_email_domains");
                return this;
            }
            if (domains.size() > 100) {
                throw new IllegalArgumentException("at most 100 excluded e-mail domains, got " + domains.size());
            }
            p.put("excluded_email_domains", String.join(",", domains));
            return this;
        }

        /** Include restricted users. */
        public Builder includeRestricted(boolean include) {
            p.put("include_restricted", Boolean.toString(include));
            return this;
        }

        /** Include anonymous users (and restricted ones). */
        public Builder includeAnonymous(boolean include) {
            p.put("include_anonymous", Boolean.toString(include));
            return this;
        }

        /** Only anonymous users; Hexclave requires {@link #includeAnonymous(boolean) includeAnonymous(true)} too. */
        public Builder onlyAnonymous(boolean only) {
            p.put("only_anonymous", Boolean.toString(only));
            return this;
        }

        public ListUsersQuery build() {
            if ("true".equals(p.get("only_anonymous")) && !"true".equals(p.get("include_anonymous"))) {
                throw new IllegalArgumentException("onlyAnonymous(true) requires includeAnonymous(true)");
            }
            return new ListUsersQuery(p);
        }
    }
}
