package io.quarkiverse.hexclave.client.model;

import java.time.Instant;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;

/**
 * A team, server view ({@code GET /teams/{team_id}}, wire reference §8.3, also a user's {@code selected_team}); the
 * client view lacks {@code createdAtMillis} and {@code serverMetadata}. Metadata fields are JSON trees; a JSON
 * {@code null} is {@link NullNode}.
 */
public record Team(String id, String displayName, String profileImageUrl, Long createdAtMillis, JsonNode clientMetadata,
        JsonNode clientReadOnlyMetadata, JsonNode serverMetadata) {

    public Team {
        clientMetadata = clientMetadata == null ? NullNode.getInstance() : clientMetadata;
        clientReadOnlyMetadata = clientReadOnlyMetadata == null ? NullNode.getInstance() : clientReadOnlyMetadata;
        serverMetadata = serverMetadata == null ? NullNode.getInstance() : serverMetadata;
    }

    /** When the team was created, if the view includes it (the server view does). */
    public Optional<Instant> createdAt() {
        return Optional.ofNullable(createdAtMillis).map(Instant::ofEpochMilli);
    }
}
