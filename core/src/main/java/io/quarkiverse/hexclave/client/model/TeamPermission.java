package io.quarkiverse.hexclave.client.model;


/** A permission {@code id} a user holds in a team (wire reference §8.1). */
public record TeamPermission(String id, String teamId, String userId) {
}
