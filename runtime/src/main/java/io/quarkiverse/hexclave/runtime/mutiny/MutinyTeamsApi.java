package io.quarkiverse.hexclave.runtime.mutiny;

import java.util.List;
import java.util.Objects;

import io.quarkiverse.hexclave.client.TeamsApi;
import io.quarkiverse.hexclave.client.model.CreateTeamRequest;
import io.quarkiverse.hexclave.client.model.ListTeamsQuery;
import io.quarkiverse.hexclave.client.model.Page;
import io.quarkiverse.hexclave.client.model.Team;
import io.quarkiverse.hexclave.client.model.TeamMemberProfile;
import io.quarkiverse.hexclave.client.model.TeamMembership;
import io.quarkiverse.hexclave.client.model.UpdateTeamMemberProfileRequest;
import io.quarkiverse.hexclave.client.model.UpdateTeamRequest;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Teams, team memberships and team member profiles with Mutiny: each method is the {@code …Async} method of the
 * same name in {@link TeamsApi} as a {@code Uni}, which calls Hexclave on subscription (again on each) and emits on
 * the subscriber's Vert.x context (see {@link MutinyHexclaveClient}). Same errors as the core, in the {@code Uni}'s
 * failure.
 */
public final class MutinyTeamsApi {

    private final TeamsApi api;

    MutinyTeamsApi(TeamsApi api) {
        this.api = api;
    }

    /**
     * Every team matching {@code query}, page after page, as a {@code Multi}: a page is fetched only when the
     * subscriber has used up the one before (pages of {@value TeamsApi#DEFAULT_PAGE_SIZE} unless the query sets a
     * limit), so only one page is held, and cancelling stops the paging. Emits on the subscriber's Vert.x context.
     */
    public Multi<Team> listAll(ListTeamsQuery query) {
        ListTeamsQuery first = Objects.requireNonNull(query, "query").limit().isPresent() ? query
                : query.toBuilder().limit(TeamsApi.DEFAULT_PAGE_SIZE).build();
        return CallerContext.pages(cursor -> api.listAsync(cursor == null ? first : first.withCursor(cursor)));
    }

    /** One page of teams ({@code GET /teams}); the whole list when the query sets no limit. */
    public Uni<Page<Team>> list(ListTeamsQuery query) {
        return CallerContext.uni(() -> api.listAsync(query));
    }

    /** A team by id ({@code GET /teams/{team_id}}); {@code TeamNotFoundException} if there is none. */
    public Uni<Team> get(String teamId) {
        return CallerContext.uni(() -> api.getAsync(teamId));
    }

    /** Creates a team ({@code POST /teams}); with a creator, the creator becomes its first member. */
    public Uni<Team> create(CreateTeamRequest request) {
        return CallerContext.uni(() -> api.createAsync(request));
    }

    /** Changes the fields set in {@code request} ({@code PATCH /teams/{team_id}}). */
    public Uni<Team> update(String teamId, UpdateTeamRequest request) {
        return CallerContext.uni(() -> api.updateAsync(teamId, request));
    }

    /**
     * Deletes a team with its memberships and team permissions ({@code DELETE /teams/{team_id}}). When a retry (after
     * a lost answer) gets {@code TEAM_NOT_FOUND}, an earlier attempt deleted it: that counts as success.
     */
    public Uni<Void> delete(String teamId) {
        return CallerContext.uni(() -> api.deleteAsync(teamId));
    }

    /**
     * Adds a user to a team ({@code POST /team-memberships/{team_id}/{user_id}}) with the project's default member
     * permissions. {@code TeamMembershipAlreadyExistsException} if they are a member already.
     */
    public Uni<TeamMembership> addMember(String teamId, String userId) {
        return CallerContext.uni(() -> api.addMemberAsync(teamId, userId));
    }

    /**
     * Removes a user from a team with their team permissions ({@code DELETE /team-memberships/{team_id}/{user_id}}).
     * When a retry (after a lost answer) gets {@code TEAM_MEMBERSHIP_NOT_FOUND}, an earlier attempt removed them.
     */
    public Uni<Void> removeMember(String teamId, String userId) {
        return CallerContext.uni(() -> api.removeMemberAsync(teamId, userId));
    }

    /** The member profiles of a team ({@code GET /team-member-profiles?team_id=…}, not paginated). */
    public Uni<List<TeamMemberProfile>> memberProfiles(String teamId) {
        return CallerContext.uni(() -> api.memberProfilesAsync(teamId));
    }

    /** A user's profiles in every team they belong to ({@code GET /team-member-profiles?user_id=…}). */
    public Uni<List<TeamMemberProfile>> memberProfilesOfUser(String userId) {
        return CallerContext.uni(() -> api.memberProfilesOfUserAsync(userId));
    }

    /** One member's profile ({@code GET /team-member-profiles/{team_id}/{user_id}}). */
    public Uni<TeamMemberProfile> memberProfile(String teamId, String userId) {
        return CallerContext.uni(() -> api.memberProfileAsync(teamId, userId));
    }

    /** Changes a member's name or image in a team ({@code PATCH /team-member-profiles/{team_id}/{user_id}}). */
    public Uni<TeamMemberProfile> updateMemberProfile(String teamId, String userId, UpdateTeamMemberProfileRequest request) {
        return CallerContext.uni(() -> api.updateMemberProfileAsync(teamId, userId, request));
    }
}
