package io.quarkiverse.hexclave.client.model;

import java.time.Instant;
import java.util.Optional;


/**
 * A session (one refresh token) of a user, wire reference §6.4. Its {@code id} is the {@code refresh_token_id}
 * claim of the access tokens minted from it.
 *
 * @param createdAt creation time, epoch milliseconds
 * @param lastUsedAt last refresh, epoch milliseconds, if known
 * @param agentName set when the session was minted for an AI agent, else {@code null}
 * @param isCurrentSession whether the request's access token belongs to this session, if Hexclave says
 * @param lastUsedAtEndUserIpInfo where the session was last used from, if known
 */
public record Session(String id, String userId, long createdAt, Long lastUsedAt, boolean isImpersonation,
        String agentName, Boolean isCurrentSession, IpInfo lastUsedAtEndUserIpInfo) {

    /** {@link #createdAt()} as an instant. */
    public Instant createdAtInstant() {
        return Instant.ofEpochMilli(createdAt);
    }

    /** {@link #lastUsedAt()} as an instant. */
    public Optional<Instant> lastUsedAtInstant() {
        return Optional.ofNullable(lastUsedAt).map(Instant::ofEpochMilli);
    }

    /** Geo information on an IP address; members are camelCase on the wire, as Hexclave sends them. */
    public record IpInfo(String ip, String countryCode, String regionCode, String cityName, Double latitude,
            Double longitude, String tzIdentifier) {
    }
}
