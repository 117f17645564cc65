package io.quarkiverse.hexclave.client;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.stream.Stream;

import io.quarkiverse.hexclave.client.error.TeamMembershipNotFoundException;
import io.quarkiverse.hexclave.client.error.TeamNotFoundException;
import io.quarkiverse.hexclave.client.model.CreateTeamRequest;
import io.quarkiverse.hexclave.client.model.ListTeamsQuery;
import io.quarkiverse.hexclave.client.model.Page;
import io.quarkiverse.hexclave.client.model.Team;
import io.quarkiverse.hexclave.client.model.TeamMemberProfile;
import io.quarkiverse.hexclave.client.model.TeamMembership;
import io.quarkiverse.hexclave.client.model.UpdateTeamMemberProfileRequest;
import io.quarkiverse.hexclave.client.model.UpdateTeamRequest;

/**
 * Hexclave's teams, team memberships and team member profiles (wire reference §8.3), with server access (the secret
 * server key). Blocking and {@code …Async} forms share one code path; {@code POST}/{@code PATCH} are never retried.
 * <p>
 * Errors: {@link TeamNotFoundException} ({@code TEAM_NOT_FOUND}), {@link TeamMembershipNotFoundException}
 * ({@code TEAM_MEMBERSHIP_NOT_FOUND}, also for an unknown team in membership and profile calls),
 * {@link io.quarkiverse.hexclave.client.error.TeamMembershipAlreadyExistsException},
 * {@link io.quarkiverse.hexclave.client.error.UserNotFoundException}, other
 * {@link io.quarkiverse.hexclave.client.error.HexclaveApiException}s, and
 * {@link io.quarkiverse.hexclave.client.error.HexclaveConnectionException}.
 */
public final class TeamsApi {

    /** Page size {@link #listAll(ListTeamsQuery)} uses when the query sets none. */
    public static final int DEFAULT_PAGE_SIZE = 100;

    private final RequestSender sender;

    TeamsApi(RequestSender sender) {
        this.sender = sender;
    }

    /** One page of teams ({@code GET /teams}); the whole list when the query sets no limit. */
    public CompletionStage<Page<Team>> listAsync(ListTeamsQuery query) {
        return RequestSender.guard(() -> sender.send(ApiCall.of("GET", "/teams", Access.SERVER)
                .withQuery(Objects.requireNonNull(query, "query").parameters())).thenApply(r -> Json.page(r, Team.class)));
    }

    /** One page of teams ({@code GET /teams}). */
    public Page<Team> list(ListTeamsQuery query) {
        return sender.blocking(() -> listAsync(query));
    }

    /**
     * Every team matching {@code query}, page after page, each page fetched only when the stream reaches it (pages of
     * {@value #DEFAULT_PAGE_SIZE} unless the query sets a limit). Errors surface while the stream is consumed.
     */
    public Stream<Team> listAll(ListTeamsQuery query) {
        Objects.requireNonNull(query, "query");
        ListTeamsQuery first = query.limit().isPresent() ? query : query.toBuilder().limit(DEFAULT_PAGE_SIZE).build();
        return Paging.stream(cursor -> list(cursor == null ? first : first.withCursor(cursor)));
    }

    /** A team by id ({@code GET /teams/{team_id}}); {@code TeamNotFoundException} if there is none. */
    public CompletionStage<Team> getAsync(String teamId) {
        return RequestSender.guard(() -> sender.send(ApiCall.of("GET", teamPath(teamId), Access.SERVER))
                .thenApply(r -> Json.read(r, Team.class)));
    }

    /** A team by id ({@code GET /teams/{team_id}}). */
    public Team get(String teamId) {
        return sender.blocking(() -> getAsync(teamId));
    }

    /** Creates a team ({@code POST /teams}); with a creator, the creator becomes its first member. */
    public CompletionStage<Team> createAsync(CreateTeamRequest request) {
        return RequestSender.guard(() -> sender.send(ApiCall.of("POST", "/teams", Access.SERVER)
                .withBody(Json.object(Objects.requireNonNull(request, "request").fields())))
                .thenApply(r -> Json.read(r, Team.class)));
    }

    /** Creates a team ({@code POST /teams}). */
    public Team create(CreateTeamRequest request) {
        return sender.blocking(() -> createAsync(request));
    }

    /** Changes the fields set in {@code request} ({@code PATCH /teams/{team_id}}). */
    public CompletionStage<Team> updateAsync(String teamId, UpdateTeamRequest request) {
        return RequestSender.guard(() -> sender.send(ApiCall.of("PATCH", teamPath(teamId), Access.SERVER)
                .withBody(Json.object(Objects.requireNonNull(request, "request").fields())))
                .thenApply(r -> Json.read(r, Team.class)));
    }

    /** Changes the fields set in {@code request} ({@code PATCH /teams/{team_id}}). */
    public Team update(String teamId, UpdateTeamRequest request) {
        return sender.blocking(() -> updateAsync(teamId, request));
    }

    /**
     * Deletes a team with its memberships and team permissions ({@code DELETE /teams/{team_id}}). When a retry (after
     * a lost answer) gets {@code TEAM_NOT_FOUND}, an earlier attempt deleted it: that counts as success.
     */
    public CompletionStage<Void> deleteAsync(String teamId) {
        return RequestSender.guard(() -> sender.send(ApiCall.of("DELETE", teamPath(teamId), Access.SERVER),
                e -> e instanceof TeamNotFoundException).thenApply(r -> null));
    }

    /** Deletes a team ({@code DELETE /teams/{team_id}}). */
    public void delete(String teamId) {
        sender.blocking(() -> deleteAsync(teamId));
    }

    /**
     * Adds a user to a team ({@code POST /team-memberships/{team_id}/{user_id}}) with the project's default member
     * permissions. {@code TeamMembershipAlreadyExistsException} if they are a member already.
     */
    public CompletionStage<TeamMembership> addMemberAsync(String teamId, String userId) {
        return RequestSender.guard(() -> sender.send(ApiCall.of("POST", membershipPath(teamId, userId), Access.SERVER)
                .withBody(Json.MAPPER.createObjectNode())).thenApply(r -> Json.read(r, TeamMembership.class)));
    }

    /** Adds a user to a team ({@code POST /team-memberships/{team_id}/{user_id}}). */
    public TeamMembership addMember(String teamId, String userId) {
        return sender.blocking(() -> addMemberAsync(teamId, userId));
    }

    /**
     * Removes a user from a team with their team permissions ({@code DELETE /team-memberships/{team_id}/{user_id}}).
     * When a retry (after a lost answer) gets {@code TEAM_MEMBERSHIP_NOT_FOUND}, an earlier attempt removed them.
     */
    public CompletionStage<Void> removeMemberAsync(String teamId, String userId) {
        return RequestSender.guard(() -> sender.send(ApiCall.of("DELETE", membershipPath(teamId, userId), Access.SERVER),
                e -> e instanceof TeamMembershipNotFoundException).thenApply(r -> null));
    }

    /** Removes a user from a team ({@code DELETE /team-memberships/{team_id}/{user_id}}). */
    public void removeMember(String teamId, String userId) {
        sender.blocking(() -> removeMemberAsync(teamId, userId));
    }

    /** The member profiles of a team ({@code GET /team-member-profiles?team_id=…}, not paginated). */
    public CompletionStage<List<TeamMemberProfile>> memberProfilesAsync(String teamId) {
        return RequestSender.guard(() -> listProfiles("team_id", teamId));
    }

    /** The member profiles of a team. */
    public List<TeamMemberProfile> memberProfiles(String teamId) {
        return sender.blocking(() -> memberProfilesAsync(teamId));
    }

    /** A user's profiles in every team they belong to ({@code GET /team-member-profiles?user_id=…}). */
    public CompletionStage<List<TeamMemberProfile>> memberProfilesOfUserAsync(String userId) {
        return RequestSender.guard(() -> listProfiles("user_id", userId));
    }

    /** A user's profiles in every team they belong to. */
    public List<TeamMemberProfile> memberProfilesOfUser(String userId) {
        return sender.blocking(() -> memberProfilesOfUserAsync(userId));
    }

    /** One member's profile ({@code GET /team-member-profiles/{team_id}/{user_id}}). */
    public CompletionStage<TeamMemberProfile> memberProfileAsync(String teamId, String userId) {
        return RequestSender.guard(() -> sender.send(ApiCall.of("GET", profilePath(teamId, userId), Access.SERVER))
                .thenApply(r -> Json.read(r, TeamMemberProfile.class)));
    }

    /** One member's profile ({@code GET /team-member-profiles/{team_id}/{user_id}}). */
    public TeamMemberProfile memberProfile(String teamId, String userId) {
        return sender.blocking(() -> memberProfileAsync(teamId, userId));
    }

    /** Changes a member's name or image in a team ({@code PATCH /team-member-profiles/{team_id}/{user_id}}). */
    public CompletionStage<TeamMemberProfile> updateMemberProfileAsync(String teamId, String userId,
            UpdateTeamMemberProfileRequest request) {
        return RequestSender.guard(() -> sender.send(ApiCall.of("PATCH", profilePath(teamId, userId), Access.SERVER)
                .withBody(Json.object(Objects.requireNonNull(request, "request").fields())))
                .thenApply(r -> Json.read(r, TeamMemberProfile.class)));
    }

    /** Changes a member's name or image in a team. */
    public TeamMemberProfile updateMemberProfile(String teamId, String userId, UpdateTeamMemberProfileRequest request) {
        return sender.blocking(() -> updateMemberProfileAsync(teamId, userId, request));
    }

    private CompletionStage<List<TeamMemberProfile>> listProfiles(String parameter, String id) {
        return sender.send(ApiCall.of("GET", "/team-member-profiles", Access.SERVER)
                .withQuery(Map.of(parameter, RequestSender.required(id, parameter))))
                .thenApply(r -> Json.items(r, Json.tree(r), TeamMemberProfile.class));
    }

    private static String teamPath(String teamId) {
        return "/teams/" + RequestSender.segment(teamId);
    }

    private static String membershipPath(String teamId, String userId) {
        return "/team-memberships/" + RequestSender.segment(teamId) + "/" + RequestSender.segment(userId);
    }

    private static String profilePath(String teamId, String userId) {
        return "/team-member-profiles/" + RequestSender.segment(teamId) + "/" + RequestSender.segment(userId);
    }
}
