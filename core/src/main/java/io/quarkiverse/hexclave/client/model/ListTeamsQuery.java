package io.quarkiverse.hexclave.client.model;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The query of {@code GET /teams} (wire reference §8.3). Only parameters that were set are sent; teams come oldest
 * first unless {@link Builder#desc(boolean) desc(true)}.
 * <pre>{@code
 * ListTeamsQuery.builder().userId(userId).limit(50).build();   // the teams of one user
 * }</pre>
 */
public final class ListTeamsQuery extends ListQuery {

    /** Largest page Hexclave serves ({@code limit} is capped there). */
    public static final int MAX_LIMIT = 200;

    private ListTeamsQuery(Map<String, String> parameters) {
        super(parameters);
    }

    /** Every team of the project, in one answer (no limit). */
    public static ListTeamsQuery all() {
        return new ListTeamsQuery(Map.of());
    }

    /** The teams {@code userId} is a member of. */
    public static ListTeamsQuery ofUser(String userId) {
        return builder().userId(userId).build();
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
    public ListTeamsQuery withCursor(String cursor) {
        return toBuilder().cursor(cursor).build();
    }

    /** Builds a {@link ListTeamsQuery}; every setter is optional. */
    public static final class Builder extends ListQuery.Builder<Builder> {

        private Builder(Map<String, String> p) {
            super(p);
        }

        /** Only the teams this user (an id) is a member of; {@code null} removes the filter. */
        public Builder userId(String userId) {
            return putOrRemove("user_id", userId);
        }

        /** Page size, 1 to {@value ListTeamsQuery#MAX_LIMIT}. */
        public Builder limit(int limit) {
            return putLimit(limit, MAX_LIMIT);
        }

        /** Start after this cursor (a previous page's {@link Page#nextCursor()}); needs a limit; {@code null} removes it. */
        public Builder cursor(String cursor) {
            return putOrRemove("cursor", cursor);
        }

        /** Newest first (by creation time, the only sort key). */
        public Builder desc(boolean desc) {
            p.put("order_by", "created_at");
            p.put("desc", Boolean.toString(desc));
            return this;
        }

        /** Free-text search over the team's id and display name; {@code null} removes it. */
        public Builder query(String query) {
            return putOrRemove("query", query);
        }

        public ListTeamsQuery build() {
            if (p.containsKey("cursor") && !p.containsKey("limit")) {
                throw new IllegalArgumentException("a cursor needs a limit (Hexclave refuses one without the other)");
            }
            return new ListTeamsQuery(p);
        }
    }
}
