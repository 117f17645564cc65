package io.quarkiverse.hexclave.webhook;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkiverse.hexclave.client.model.Team;
import io.quarkiverse.hexclave.client.model.User;
import io.quarkiverse.hexclave.internal.WireJson;

/**
 * Reads an authentic body, {@code {"type": "<event>", "data": {…}}}, into a {@link HexclaveEvent}. Only ever called
 * after the signature checked out: unauthenticated bytes are never parsed.
 */
final class EventDecoder {

    /** The body is not an event, or the data of a known type does not fit it; the message is a fixed, safe text. */
    static final class NotAnEvent extends Exception {
        private static final long serialVersionUID = 1L;

        NotAnEvent(String safeMessage) {
            super(safeMessage, null, false, false);
        }
    }

    private EventDecoder() {
    }

    static HexclaveEvent decode(byte[] body) throws NotAnEvent {
        JsonNode root;
        try {
            root = WireJson.MAPPER.readTree(body);
        } catch (IOException | RuntimeException e) { // Jackson's stream constraints throw unchecked exceptions too
            throw new NotAnEvent("body is not JSON");
        }
        if (root == null || !root.isObject()) {
            throw new NotAnEvent("body is not a JSON object");
        }
        JsonNode type = root.get("type");
        if (type == null || !type.isTextual() || type.asText().isEmpty()) {
            throw new NotAnEvent("body has no event type");
        }
        JsonNode data = root.get("data");
        String t = type.asText();
        return switch (t) {
            case HexclaveEvent.UserCreated.TYPE -> new HexclaveEvent.UserCreated(user(t, data));
            case HexclaveEvent.UserUpdated.TYPE -> new HexclaveEvent.UserUpdated(user(t, data));
            case HexclaveEvent.UserDeleted.TYPE -> new HexclaveEvent.UserDeleted(text(t, data, "id"), teamIds(t, data));
            case HexclaveEvent.TeamCreated.TYPE -> new HexclaveEvent.TeamCreated(team(t, data));
            case HexclaveEvent.TeamUpdated.TYPE -> new HexclaveEvent.TeamUpdated(team(t, data));
            case HexclaveEvent.TeamDeleted.TYPE -> new HexclaveEvent.TeamDeleted(text(t, data, "id"));
            case HexclaveEvent.TeamMembershipCreated.TYPE ->
                new HexclaveEvent.TeamMembershipCreated(text(t, data, "team_id"), text(t, data, "user_id"));
            case HexclaveEvent.TeamMembershipDeleted.TYPE ->
                new HexclaveEvent.TeamMembershipDeleted(text(t, data, "team_id"), text(t, data, "user_id"));
            case HexclaveEvent.TeamPermissionCreated.TYPE -> new HexclaveEvent.TeamPermissionCreated(text(t, data, "id"),
                    text(t, data, "user_id"), text(t, data, "team_id"));
            case HexclaveEvent.TeamPermissionDeleted.TYPE -> new HexclaveEvent.TeamPermissionDeleted(text(t, data, "id"),
                    text(t, data, "user_id"), text(t, data, "team_id"));
            default -> new HexclaveEvent.UnknownEvent(t, data);
        };
    }

    private static JsonNode object(String type, JsonNode data) throws NotAnEvent {
        if (data == null || !data.isObject()) {
            throw new NotAnEvent("data of " + type + " is not a JSON object");
        }
        return data;
    }

    private static String text(String type, JsonNode data, String field) throws NotAnEvent {
        JsonNode v = object(type, data).get(field);
        if (v == null || !v.isTextual() || v.asText().isEmpty()) {
            throw new NotAnEvent("data of " + type + " has no " + field);
        }
        return v.asText();
    }

    private static List<String> teamIds(String type, JsonNode data) throws NotAnEvent {
        JsonNode teams = object(type, data).get("teams");
        if (teams == null || teams.isNull()) {
            return List.of();
        }
        if (!teams.isArray()) {
            throw new NotAnEvent("data of " + type + " has teams that are not an array");
        }
        List<String> ids = new ArrayList<>(teams.size());
        for (JsonNode team : teams) {
            ids.add(text(type, team, "id"));
        }
        return ids;
    }

    private static User user(String type, JsonNode data) throws NotAnEvent {
        text(type, data, "id");
        return convert(type, data, User.class);
    }

    private static Team team(String type, JsonNode data) throws NotAnEvent {
        text(type, data, "id");
        return convert(type, data, Team.class);
    }

    private static <T> T convert(String type, JsonNode data, Class<T> as) throws NotAnEvent {
        try {
            T value = WireJson.MAPPER.treeToValue(data, as);
            if (value == null) {
                throw new NotAnEvent("data of " + type + " does not fit the event");
            }
            return value;
        } catch (IOException | IllegalArgumentException e) {
            throw new NotAnEvent("data of " + type + " does not fit the event");
        }
    }
}
