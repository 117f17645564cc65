package io.quarkiverse.hexclave.client.model;

/** A project permission {@code id} a user holds (wire reference §8.2). */
public record ProjectPermission(String id, String userId) {
}
