package io.quarkiverse.hexclave.client.model;

/** The team an invitation code leads to ({@code POST /team-invitations/accept/details}). */
public record TeamInvitationDetails(String teamId, String teamDisplayName) {
}
