package io.quarkiverse.hexclave.emulator.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** The JSON views of a team and of a team member profile. Call while holding the store lock. */
final class TeamViews {

    private TeamViews() {
    }

    static ObjectNode server(StoredTeam team) {
        ObjectNode t = client(team);
        t.put("created_at_millis", team.createdAtMillis);
        t.set("server_metadata", team.serverMetadata.deepCopy());
        return t;
    }

    static ObjectNode client(StoredTeam team) {
        ObjectNode t = Json.object();
        t.put("id", team.id);
        t.put("display_name", team.displayName);
        t.put("profile_image_url", team.profileImageUrl);
        t.set("client_metadata", team.clientMetadata.deepCopy());
        t.set("client_read_only_metadata", team.clientReadOnlyMetadata.deepCopy());
        return t;
    }

    /** A view by access type: {@code client} gets the client view, server and admin the server view. */
    static ObjectNode of(StoredTeam team, boolean client) {
        return client ? client(team) : server(team);
    }

    /** A member's profile: its own name and image, else the user's; server access also gets the user object. */
    static ObjectNode profile(StoredTeam team, StoredMember member, StoredUser user, EmulatedProject project,
            boolean client) {
        ObjectNode p = Json.object();
        p.put("team_id", team.id);
        p.put("user_id", member.userId);
        p.put("display_name", member.displayName != null ? member.displayName : user.displayName);
        p.put("profile_image_url", member.profileImageUrl != null ? member.profileImageUrl : user.profileImageUrl);
        if (!client) {
            p.set("user", UserViews.server(user, project));
        }
        return p;
    }
}
