package io.quarkiverse.hexclave.client.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;

/**
 * A team, server view (wire reference §5.3 {@code selected_team}); the client view lacks {@code createdAtMillis}
 * and {@code serverMetadata}.
 */
public record Team(String id, String displayName, String profileImageUrl, Long createdAtMillis, JsonNode clientMetadata,
        JsonNode clientReadOnlyMetadata, JsonNode serverMetadata) {

    public Team {
        clientMetadata = clientMetadata == null ? NullNode.getInstance() : clientMetadata;
        clientReadOnlyMetadata = clientReadOnlyMetadata == null ? NullNode.getInstance() : clientReadOnlyMetadata;
        serverMetadata = serverMetadata == null ? NullNode.getInstance() : serverMetadata;
    }
}
