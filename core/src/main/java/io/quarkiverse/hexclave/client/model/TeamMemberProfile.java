package io.quarkiverse.hexclave.client.model;

/**
 * A member's profile in one team ({@code /team-member-profiles}): the name and image the member uses there, which
 * may differ from the user's own, and the user (server view).
 *
 * @param displayName the member's name in this team, if set
 * @param profileImageUrl the member's image in this team, if set
 * @param user the user
 */
public record TeamMemberProfile(String teamId, String userId, String displayName, String profileImageUrl, User user) {

    @Override
    public String toString() {
        return "TeamMemberProfile[teamId=" + teamId + ", userId=" + userId + "]";
    }
}
