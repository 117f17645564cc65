package io.quarkiverse.hexclave.emulator.internal;

import java.util.List;

/** What the store reports as it changes: the events Hexclave sends by webhook (wire reference §12.1). */
interface StoreEvents {

    StoreEvents NONE = new StoreEvents() {
    };

    default void userCreated(StoredUser user) {
    }

    default void userUpdated(StoredUser user) {
    }

    default void userDeleted(String userId, List<String> teamIds) {
    }

    default void teamCreated(StoredTeam team) {
    }

    default void teamUpdated(StoredTeam team) {
    }

    default void teamDeleted(String teamId) {
    }

    default void membershipCreated(String teamId, String userId) {
    }

    default void membershipDeleted(String teamId, String userId) {
    }

    default void teamPermissionCreated(String teamId, String userId, String permissionId) {
    }

    default void teamPermissionDeleted(String teamId, String userId, String permissionId) {
    }
}
