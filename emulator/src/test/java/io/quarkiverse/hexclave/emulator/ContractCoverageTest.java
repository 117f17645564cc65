package io.quarkiverse.hexclave.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A tour of every operation of our Hexclave OpenAPI copy (server and client documents), each answered with a success
 * status that {@link EmulatorHttp} validates against the contract. The test fails when the contract gains an
 * operation the emulator does not serve, or the tour misses one.
 */
class ContractCoverageTest {

    private final Set<String> server = new TreeSet<>();
    private final Set<String> client = new TreeSet<>();

    private EmulatorHttp.Reply ok(Set<String> seen, String operation, EmulatorHttp.Reply reply) {
        assertThat(reply.status()).as(operation + ": " + reply.body()).isBetween(200, 201);
        seen.add(operation);
        return reply;
    }

    @Test
    void everyDocumentedOperationIsServedAndConforms() throws Exception {
        try (HexclaveEmulator emu = HexclaveEmulator.builder().clientUserDeletionEnabled(true).build().start()) {
            EmulatorHttp http = new EmulatorHttp(emu);
            // server document
            ok(server, "get /", http.server().get("/api/v1"));
            String id = ok(server, "post /users", http.server().post("/users", "{\"primary_email\":\"tour@example.com\"}"))
                    .json().get("id").asText();
            ok(server, "get /users", http.server().get("/users?limit=10"));
            ok(server, "get /users/{user_id}", http.server().get("/users/" + id));
            ok(server, "patch /users/{user_id}", http.server().patch("/users/" + id, "{\"display_name\":\"Tour\"}"));
            String refresh = ok(server, "post /auth/sessions", http.server().post("/auth/sessions", "{\"user_id\":\"" + id + "\"}"))
                    .json().get("refresh_token").asText();
            String jwt = ok(server, "post /auth/sessions/current/refresh",
                    http.server().header("x-hexclave-refresh-token", refresh).post("/auth/sessions/current/refresh", null))
                    .json().get("access_token").asText();
            ok(server, "get /users/me", http.server().accessToken(jwt).get("/users/me"));
            ok(server, "patch /users/me", http.server().accessToken(jwt).patch("/users/me", "{\"server_metadata\":{\"a\":1}}"));
            ok(server, "get /auth/sessions", http.server().get("/auth/sessions?user_id=" + id));
            SessionTokens other = emu.createSession(id);
            ok(server, "delete /auth/sessions/{id}", http.server().delete("/auth/sessions/" + other.sessionId() + "?user_id=" + id));
            ok(server, "delete /auth/sessions/current", http.server().accessToken(jwt).delete("/auth/sessions/current"));
            EmulatedTeam team = emu.createTeam("Tour");
            emu.addTeamMember(team.id(), id);
            ok(server, "post /team-permissions/{team_id}/{user_id}/{permission_id}",
                    http.server().post("/team-permissions/" + team.id() + "/" + id + "/team_member", "{}"));
            ok(server, "get /team-permissions", http.server().get("/team-permissions?user_id=" + id));
            ok(server, "delete /team-permissions/{team_id}/{user_id}/{permission_id}",
                    http.server().delete("/team-permissions/" + team.id() + "/" + id + "/team_member"));
            var cli = ok(server, "post /auth/cli", http.server().post("/auth/cli", "{}")).json();
            ok(server, "post /auth/cli/poll", http.server().post("/auth/cli/poll",
                    "{\"polling_code\":\"" + cli.get("polling_code").asText() + "\"}"));
            ok(server, "post /auth/cli/complete", http.server().post("/auth/cli/complete",
                    "{\"login_code\":\"" + cli.get("login_code").asText() + "\",\"refresh_token\":\""
                            + emu.createSession(id).refreshToken() + "\"}"));
            ok(server, "delete /users/me", http.server().accessToken(emu.mintAccessToken(emu.createUser(NewUser.builder().build())))
                    .delete("/users/me"));
            ok(server, "delete /users/{user_id}", http.server().delete("/users/" + id));

            // client document
            EmulatedUser u = emu.createUser(NewUser.withEmail("tour-client@example.com").build());
            SessionTokens s = emu.createSession(u.id());
            SessionTokens second = emu.createSession(u.id());
            ok(client, "get /", http.client().get("/api/v1"));
            ok(client, "get /users/me", http.client().accessToken(s.accessToken()).get("/users/me"));
            ok(client, "patch /users/me", http.client().accessToken(s.accessToken()).patch("/users/me", "{\"display_name\":\"C\"}"));
            ok(client, "post /auth/sessions/current/refresh",
                    http.client().header("x-hexclave-refresh-token", s.refreshToken()).post("/auth/sessions/current/refresh", null));
            ok(client, "get /auth/sessions", http.client().accessToken(s.accessToken()).get("/auth/sessions?user_id=me"));
            ok(client, "delete /auth/sessions/{id}", http.client().accessToken(s.accessToken())
                    .delete("/auth/sessions/" + second.sessionId() + "?user_id=me"));
            ok(client, "get /team-permissions", http.client().accessToken(s.accessToken()).get("/team-permissions?user_id=me"));
            var clientCli = ok(client, "post /auth/cli", http.client().post("/auth/cli", "{}")).json();
            ok(client, "post /auth/cli/complete", http.client().post("/auth/cli/complete",
                    "{\"login_code\":\"" + clientCli.get("login_code").asText() + "\",\"refresh_token\":\"" + s.refreshToken() + "\"}"));
            ok(client, "post /auth/cli/poll", http.client().post("/auth/cli/poll",
                    "{\"polling_code\":\"" + clientCli.get("polling_code").asText() + "\"}"));
            ok(client, "delete /auth/sessions/current", http.client().accessToken(s.accessToken()).delete("/auth/sessions/current"));
            ok(client, "delete /users/me", http.client().accessToken(emu.mintAccessToken(u)).delete("/users/me"));
        }
        assertThat(server).isEqualTo(operations("server"));
        assertThat(client).isEqualTo(operations("client"));
    }

    private static Set<String> operations(String document) throws Exception {
        Set<String> ops = new TreeSet<>();
        try (InputStream in = ContractCoverageTest.class.getClassLoader()
                .getResourceAsStream("hexclave-openapi/" + document + ".json")) {
            JsonNode paths = EmulatorHttp.JSON.readTree(in).get("paths");
            for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> path = it.next();
                path.getValue().fieldNames().forEachRemaining(method -> ops.add(method + " " + path.getKey()));
            }
        }
        return ops;
    }
}
