package io.quarkiverse.hexclave.client.model;

/** A user's membership in a team ({@code POST /team-memberships/{team_id}/{user_id}}). */
public record TeamMembership(String teamId, String userId) {
}
