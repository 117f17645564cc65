package io.quarkiverse.hexclave.emulator;

import java.time.Instant;

/**
 * A snapshot of a team held by the emulator.
 *
 * @param id the team id (UUID)
 * @param displayName the team's display name
 * @param createdAt when the team was created (millisecond precision)
 */
public record EmulatedTeam(String id, String displayName, Instant createdAt) {
}
