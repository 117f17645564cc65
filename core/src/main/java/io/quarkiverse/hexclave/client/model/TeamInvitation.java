package io.quarkiverse.hexclave.client.model;

import java.time.Instant;

/**
 * A pending invitation to a team ({@code GET /team-invitations}). {@link #toString()} shows ids, not the address.
 *
 * @param id the invitation's id
 * @param recipientEmail the address the invitation was sent to
 * @param expiresAtMillis when the invitation expires, epoch milliseconds
 */
public record TeamInvitation(String id, String teamId, String teamDisplayName, long expiresAtMillis,
        String recipientEmail) {

    /** When the invitation expires. */
    public Instant expiresAt() {
        return Instant.ofEpochMilli(expiresAtMillis);
    }

    @Override
    public String toString() {
        return "TeamInvitation[id=" + id + ", teamId=" + teamId + "]";
    }
}
