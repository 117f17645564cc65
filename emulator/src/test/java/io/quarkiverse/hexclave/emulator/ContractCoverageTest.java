package io.quarkiverse.hexclave.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkiverse.hexclave.contract.HexclaveContract;
import io.quarkiverse.hexclave.contract.Operation;
import io.quarkiverse.hexclave.emulator.internal.Exclusions;

/**
 * Coverage of Hexclave's server and client API. A tour calls every operation the emulator serves once with server
 * access and once with client access, with a success status, request and response checked against the full OpenAPI
 * document of that access type by {@link EmulatorHttp}. The test fails when an operation of either document is neither
 * toured nor on the short exclusion lists ({@link Exclusions}), when an exclusion names an operation the document lacks
 * or the emulator serves, and when the coverage page of the docs ({@value #COVERAGE_PAGE}) no longer says what the tour
 * found. Run with {@code -Dhexclave.coverage.write=true} to rewrite that page.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContractCoverageTest {

    static final String COVERAGE_PAGE = "docs/modules/ROOT/pages/includes/emulator-coverage.adoc";
    private static final String CALLBACK = "https://app.example.com/handler/callback";

    private HexclaveEmulator emu;
    private EmulatorHttp http;
    private Set<Operation> server;
    private Set<Operation> client;

    @BeforeAll
    void tour() {
        emu = HexclaveEmulator.builder().clientUserDeletionEnabled(true).clientTeamCreationEnabled(true).build().start();
        http = new EmulatorHttp(emu);
        try {
            serverTour();
            clientTour();
        } finally {
            emu.close();
        }
        server = new TreeSet<>(java.util.Comparator.comparing(Operation::toString));
        server.addAll(http.succeeded.getOrDefault("server", Set.of()));
        client = new TreeSet<>(java.util.Comparator.comparing(Operation::toString));
        client.addAll(http.succeeded.getOrDefault("client", Set.of()));
    }

    private static JsonNode ok(EmulatorHttp.Reply reply) {
        assertThat(reply.status()).as(reply.body()).isBetween(200, 201);
        return reply.body().isEmpty() || !reply.body().startsWith("{") ? null : reply.json();
    }

    private static String id(EmulatorHttp.Reply reply) {
        return ok(reply).get("id").asText();
    }

    private static String uniqueEmail(String name) {
        return name + "-" + UUID.randomUUID() + "@example.com";
    }

    // ------------------------------------------------------------------ the tours

    private void serverTour() {
        ok(http.server().get("/api/v1"));
        ok(http.server().get("/projects/current"));
        // users and sessions
        String email = uniqueEmail("tour");
        String uid = id(http.server().post("/users", "{\"primary_email\":\"" + email + "\",\"primary_email_verified\":true}"));
        ok(http.server().get("/users?limit=10"));
        ok(http.server().get("/users/" + uid));
        ok(http.server().patch("/users/" + uid, "{\"display_name\":\"Tour\"}"));
        JsonNode session = ok(http.server().post("/auth/sessions", "{\"user_id\":\"" + uid + "\"}"));
        String jwt = ok(http.server().header("x-hexclave-refresh-token", session.get("refresh_token").asText())
                .post("/auth/sessions/current/refresh", null)).get("access_token").asText();
        ok(http.server().accessToken(jwt).get("/users/me"));
        ok(http.server().accessToken(jwt).patch("/users/me", "{\"server_metadata\":{\"a\":1}}"));
        ok(http.server().get("/auth/sessions?user_id=" + uid));
        ok(http.server().delete("/auth/sessions/" + emu.createSession(uid).sessionId() + "?user_id=" + uid));
        ok(http.server().accessToken(jwt).delete("/auth/sessions/current"));
        ok(http.server().post("/auth/anonymous/sign-up", null));
        frontendSignIns(false);
        JsonNode cli = ok(http.server().post("/auth/cli", "{}"));
        ok(http.server().post("/auth/cli/poll", "{\"polling_code\":\"" + cli.get("polling_code").asText() + "\"}"));
        ok(http.server().post("/auth/cli/complete", "{\"login_code\":\"" + cli.get("login_code").asText()
                + "\",\"refresh_token\":\"" + emu.createSession(uid).refreshToken() + "\"}"));
        // teams, memberships, profiles
        String other = emu.createUser(NewUser.withEmail(uniqueEmail("member")).build()).id();
        String tid = id(http.server().post("/teams", "{\"display_name\":\"Tour\",\"creator_user_id\":\"" + uid + "\"}"));
        ok(http.server().get("/teams?user_id=" + uid));
        ok(http.server().get("/teams/" + tid));
        ok(http.server().patch("/teams/" + tid, "{\"display_name\":\"Tour 2\"}"));
        ok(http.server().post("/team-memberships/" + tid + "/" + other, "{}"));
        ok(http.server().get("/team-member-profiles?team_id=" + tid));
        ok(http.server().get("/team-member-profiles/" + tid + "/" + other));
        ok(http.server().patch("/team-member-profiles/" + tid + "/" + other, "{\"display_name\":\"M\"}"));
        // permissions
        emu.defineTeamPermission("tour:team");
        emu.defineProjectPermission("tour:project");
        ok(http.server().post("/team-permissions/" + tid + "/" + other + "/tour:team", "{}"));
        ok(http.server().get("/team-permissions?user_id=" + other + "&recursive=true"));
        ok(http.server().delete("/team-permissions/" + tid + "/" + other + "/tour:team"));
        ok(http.server().post("/project-permissions/" + uid + "/tour:project", "{}"));
        ok(http.server().get("/project-permissions?user_id=" + uid));
        ok(http.server().delete("/project-permissions/" + uid + "/tour:project"));
        ok(http.server().delete("/team-memberships/" + tid + "/" + other));
        // API keys
        for (String[] kind : new String[][] { { "user", uid }, { "team", tid } }) {
            String base = "/" + kind[0] + "-api-keys";
            JsonNode key = ok(http.server().post(base, "{\"" + kind[0] + "_id\":\"" + kind[1]
                    + "\",\"description\":\"tour\",\"expires_at_millis\":null}"));
            ok(http.server().get(base + "?" + kind[0] + "_id=" + kind[1]));
            ok(http.server().get(base + "/" + key.get("id").asText()));
            ok(http.server().post(base + "/check", "{\"api_key\":\"" + key.get("value").asText() + "\"}"));
            ok(http.server().patch(base + "/" + key.get("id").asText(), "{\"revoked\":true}"));
        }
        // contact channels
        String channelEmail = uniqueEmail("channel");
        String cid = id(http.server().post("/contact-channels", "{\"user_id\":\"" + uid + "\",\"type\":\"email\",\"value\":\""
                + channelEmail + "\",\"used_for_auth\":false}"));
        ok(http.server().get("/contact-channels?user_id=" + uid));
        ok(http.server().get("/contact-channels/" + uid + "/" + cid));
        ok(http.server().patch("/contact-channels/" + uid + "/" + cid, "{\"used_for_auth\":true}"));
        ok(http.server().post("/contact-channels/" + uid + "/" + cid + "/send-verification-code",
                "{\"callback_url\":\"" + CALLBACK + "\"}"));
        String verify = "{\"code\":\"" + emu.pendingCode(VerificationCode.Purpose.CONTACT_CHANNEL_VERIFICATION, channelEmail)
                .orElseThrow().code() + "\"}";
        ok(http.server().post("/contact-channels/verify/check-code", verify));
        ok(http.server().post("/contact-channels/verify", verify));
        ok(http.server().delete("/contact-channels/" + uid + "/" + cid));
        // OAuth accounts
        String oid = id(http.server().post("/oauth-providers", "{\"user_id\":\"" + uid + "\",\"provider_config_id\":\"github\","
                + "\"account_id\":\"42\",\"allow_sign_in\":true,\"allow_connected_accounts\":true}"));
        ok(http.server().get("/oauth-providers?user_id=" + uid));
        ok(http.server().get("/oauth-providers/" + uid + "/" + oid));
        ok(http.server().patch("/oauth-providers/" + uid + "/" + oid, "{\"email\":\"gh@example.com\"}"));
        ok(http.server().get("/connected-accounts/" + uid));
        ok(http.server().delete("/oauth-providers/" + uid + "/" + oid));
        // team invitations (to the tour user's verified primary address)
        String invitation = "{\"team_id\":\"" + tid + "\",\"email\":\"" + email + "\",\"callback_url\":\"" + CALLBACK + "\"}";
        ok(http.server().post("/team-invitations/send-code", invitation));
        ok(http.server().get("/team-invitations?team_id=" + tid));
        String code = "{\"code\":\"" + emu.pendingCode(VerificationCode.Purpose.TEAM_INVITATION, email).orElseThrow().code() + "\"}";
        String userJwt = emu.mintAccessToken(emu.user(uid).orElseThrow());
        ok(http.server().post("/team-invitations/accept/check-code", code));
        ok(http.server().accessToken(userJwt).post("/team-invitations/accept/details", code));
        ok(http.server().accessToken(userJwt).post("/team-invitations/accept", code));
        String byId = id(http.server().post("/team-invitations/send-code", invitation));
        ok(http.server().post("/team-invitations/" + byId + "/accept?user_id=" + uid, null));
        String revoked = id(http.server().post("/team-invitations/send-code", invitation));
        ok(http.server().delete("/team-invitations/" + revoked + "?team_id=" + tid));
        // notification preferences, data vault
        ok(http.server().get("/emails/notification-preference/" + uid));
        ok(http.server().patch("/emails/notification-preference/" + uid + "/4f6f8873-3d04-46bd-8bef-18338b1a1b4c",
                "{\"enabled\":false}"));
        ok(http.server().post("/data-vault/stores/tour/set", "{\"hashed_key\":\"k\",\"encrypted_value\":\"v\"}"));
        ok(http.server().post("/data-vault/stores/tour/get", "{\"hashed_key\":\"k\"}"));
        // deletions last
        ok(http.server().delete("/teams/" + tid));
        ok(http.server().accessToken(emu.mintAccessToken(emu.createUser(NewUser.builder().build()))).delete("/users/me"));
        ok(http.server().delete("/users/" + uid));
    }

    private void clientTour() {
        String email = uniqueEmail("client");
        EmulatedUser u = emu.createUser(NewUser.withEmail(email).build());
        EmulatedUser inviter = emu.createUser(NewUser.withEmail(uniqueEmail("inviter")).build());
        SessionTokens s = emu.createSession(u.id());
        String jwt = s.accessToken();
        ok(http.client().get("/api/v1"));
        ok(http.client().get("/projects/current"));
        ok(http.client().accessToken(jwt).get("/users/me"));
        ok(http.client().accessToken(jwt).patch("/users/me", "{\"display_name\":\"C\"}"));
        ok(http.client().header("x-hexclave-refresh-token", s.refreshToken()).post("/auth/sessions/current/refresh", null));
        ok(http.client().accessToken(jwt).get("/auth/sessions?user_id=me"));
        ok(http.client().accessToken(jwt).delete("/auth/sessions/" + emu.createSession(u.id()).sessionId() + "?user_id=me"));
        ok(http.client().post("/auth/anonymous/sign-up", null));
        frontendSignIns(true);
        JsonNode cli = ok(http.client().post("/auth/cli", "{}"));
        ok(http.client().post("/auth/cli/complete", "{\"login_code\":\"" + cli.get("login_code").asText()
                + "\",\"refresh_token\":\"" + s.refreshToken() + "\"}"));
        ok(http.client().post("/auth/cli/poll", "{\"polling_code\":\"" + cli.get("polling_code").asText() + "\"}"));
        // teams
        String tid = id(http.client().accessToken(jwt).post("/teams", "{\"display_name\":\"Client tour\",\"creator_user_id\":\"me\"}"));
        emu.addTeamMember(tid, inviter.id());
        ok(http.client().accessToken(jwt).get("/teams?user_id=me"));
        ok(http.client().accessToken(jwt).get("/teams/" + tid));
        ok(http.client().accessToken(jwt).patch("/teams/" + tid, "{\"display_name\":\"Renamed\"}"));
        ok(http.client().accessToken(jwt).get("/team-member-profiles?team_id=" + tid));
        ok(http.client().accessToken(jwt).get("/team-member-profiles/" + tid + "/me"));
        ok(http.client().accessToken(jwt).patch("/team-member-profiles/" + tid + "/me", "{\"display_name\":\"Me\"}"));
        ok(http.client().accessToken(jwt).get("/team-permissions?user_id=me"));
        ok(http.client().accessToken(jwt).get("/project-permissions?user_id=me"));
        ok(http.client().accessToken(jwt).delete("/team-memberships/" + tid + "/" + inviter.id()));
        // API keys
        for (String[] kind : new String[][] { { "user", "me" }, { "team", tid } }) {
            String base = "/" + kind[0] + "-api-keys";
            String kid = id(http.client().accessToken(jwt).post(base, "{\"" + kind[0] + "_id\":\"" + kind[1]
                    + "\",\"description\":\"tour\",\"expires_at_millis\":null}"));
            ok(http.client().accessToken(jwt).get(base + "?" + kind[0] + "_id=" + kind[1]));
            ok(http.client().accessToken(jwt).get(base + "/" + kid));
            ok(http.client().accessToken(jwt).patch(base + "/" + kid, "{\"description\":\"renamed\"}"));
        }
        // contact channels
        String channelEmail = uniqueEmail("client-channel");
        String cid = id(http.client().accessToken(jwt).post("/contact-channels",
                "{\"user_id\":\"me\",\"type\":\"email\",\"value\":\"" + channelEmail + "\",\"used_for_auth\":false}"));
        ok(http.client().accessToken(jwt).get("/contact-channels?user_id=me"));
        ok(http.client().accessToken(jwt).get("/contact-channels/me/" + cid));
        ok(http.client().accessToken(jwt).patch("/contact-channels/me/" + cid, "{\"is_primary\":false}"));
        ok(http.client().accessToken(jwt).post("/contact-channels/me/" + cid + "/send-verification-code",
                "{\"callback_url\":\"" + CALLBACK + "\"}"));
        String verify = "{\"code\":\"" + emu.pendingCode(VerificationCode.Purpose.CONTACT_CHANNEL_VERIFICATION, channelEmail)
                .orElseThrow().code() + "\"}";
        ok(http.client().post("/contact-channels/verify/check-code", verify));
        ok(http.client().post("/contact-channels/verify", verify));
        ok(http.client().accessToken(jwt).delete("/contact-channels/me/" + cid));
        // OAuth accounts
        String oid = id(http.server().post("/oauth-providers", "{\"user_id\":\"" + u.id() + "\",\"provider_config_id\":\"google\","
                + "\"account_id\":\"7\",\"allow_sign_in\":false,\"allow_connected_accounts\":true}"));
        ok(http.client().accessToken(jwt).get("/oauth-providers?user_id=me"));
        ok(http.client().accessToken(jwt).get("/oauth-providers/me/" + oid));
        ok(http.client().accessToken(jwt).patch("/oauth-providers/me/" + oid, "{\"allow_sign_in\":true}"));
        ok(http.client().accessToken(jwt).get("/connected-accounts/me"));
        ok(http.client().accessToken(jwt).delete("/oauth-providers/me/" + oid));
        // invitations: u (team_admin) invites the inviter's address, the inviter accepts
        String inviterJwt = emu.mintAccessToken(inviter);
        String invitation = "{\"team_id\":\"" + tid + "\",\"email\":\"" + inviter.primaryEmail() + "\",\"callback_url\":\""
                + CALLBACK + "\"}";
        ok(http.client().accessToken(jwt).post("/team-invitations/send-code", invitation));
        ok(http.client().accessToken(jwt).get("/team-invitations?team_id=" + tid));
        ok(http.client().accessToken(inviterJwt).get("/team-invitations?user_id=me"));
        String code = "{\"code\":\"" + emu.pendingCode(VerificationCode.Purpose.TEAM_INVITATION, inviter.primaryEmail())
                .orElseThrow().code() + "\"}";
        ok(http.client().post("/team-invitations/accept/check-code", code));
        ok(http.client().accessToken(inviterJwt).post("/team-invitations/accept/details", code));
        ok(http.client().accessToken(inviterJwt).post("/team-invitations/accept", code));
        ok(http.client().accessToken(inviterJwt).delete("/team-memberships/" + tid + "/me"));
        String byId = id(http.client().accessToken(jwt).post("/team-invitations/send-code", invitation));
        ok(http.client().accessToken(inviterJwt).post("/team-invitations/" + byId + "/accept?user_id=me", null));
        String revoked = id(http.client().accessToken(jwt).post("/team-invitations/send-code", invitation));
        ok(http.client().accessToken(jwt).delete("/team-invitations/" + revoked + "?team_id=" + tid));
        // notification preferences
        ok(http.client().accessToken(jwt).get("/emails/notification-preference/me"));
        ok(http.client().accessToken(jwt).patch("/emails/notification-preference/me/4f6f8873-3d04-46bd-8bef-18338b1a1b4c",
                "{\"enabled\":false}"));
        // deletions last
        ok(http.client().accessToken(jwt).delete("/teams/" + tid));
        ok(http.client().accessToken(jwt).delete("/auth/sessions/current"));
        ok(http.client().accessToken(emu.mintAccessToken(u)).delete("/users/me"));
    }

    /** Password sign-up and sign-in, e-mail code sign-in and the token endpoint's refresh, with one access type. */
    private void frontendSignIns(boolean client) {
        java.util.function.Supplier<EmulatorHttp.Call> call = () -> client ? http.client() : http.server();
        String email = uniqueEmail("signin");
        ok(call.get().post("/auth/password/sign-up", "{\"email\":\"" + email + "\",\"password\":\"tour password\"}"));
        String refresh = ok(call.get().post("/auth/password/sign-in",
                "{\"email\":\"" + email + "\",\"password\":\"tour password\"}")).get("refresh_token").asText();
        ok(http.anonymous().documentedAs(client ? "client" : "server").postForm("/auth/oauth/token",
                "grant_type=refresh_token&refresh_token=" + refresh + "&client_id=" + emu.projectId() + "&client_secret="
                        + emu.publishableClientKey()));
        String nonce = ok(call.get().post("/auth/otp/send-sign-in-code", "{\"email\":\"" + email + "\",\"callback_url\":\""
                + CALLBACK + "\"}")).get("nonce").asText();
        String code = "{\"code\":\"" + emu.pendingCode(VerificationCode.Purpose.SIGN_IN, email).orElseThrow().otp() + nonce + "\"}";
        ok(call.get().post("/auth/otp/sign-in/check-code", code));
        String jwt = ok(call.get().post("/auth/otp/sign-in", code)).get("access_token").asText();
        ok(call.get().accessToken(jwt).post("/auth/password/update",
                "{\"old_password\":\"tour password\",\"new_password\":\"tour password 2\"}"));
        ok(call.get().post("/auth/password/send-reset-code", "{\"email\":\"" + email + "\",\"callback_url\":\"" + CALLBACK + "\"}"));
        String reset = emu.pendingCode(VerificationCode.Purpose.PASSWORD_RESET, email).orElseThrow().code();
        ok(call.get().post("/auth/password/reset/check-code", "{\"code\":\"" + reset + "\"}"));
        ok(call.get().post("/auth/password/reset", "{\"code\":\"" + reset + "\",\"password\":\"tour password 3\"}"));
        String passwordless = uniqueEmail("otp-only");
        String nonce2 = ok(call.get().post("/auth/otp/send-sign-in-code", "{\"email\":\"" + passwordless
                + "\",\"callback_url\":\"" + CALLBACK + "\"}")).get("nonce").asText();
        String code2 = "{\"code\":\"" + emu.pendingCode(VerificationCode.Purpose.SIGN_IN, passwordless).orElseThrow().otp()
                + nonce2 + "\"}";
        String jwt2 = ok(call.get().post("/auth/otp/sign-in", code2)).get("access_token").asText();
        ok(call.get().accessToken(jwt2).post("/auth/password/set", "{\"password\":\"a new password\"}"));
    }

    // ------------------------------------------------------------------ the checks

    @Test
    void everyServerOperationIsServedOrExcludedWithAReason() {
        Set<String> documented = names(HexclaveContract.server().operations());
        Set<String> excluded = excluded(Exclusions.ALL);
        assertThat(excluded).as("exclusions the server document does not have").isSubsetOf(documented);
        assertThat(excluded(Exclusions.CLIENT_ONLY)).as("client-only exclusions the server document has")
                .doesNotContainAnyElementsOf(documented);
        assertServedOrExcluded("server", documented, names(server), excluded);
    }

    @Test
    void everyClientOperationIsServedOrExcludedWithAReason() {
        Set<String> documented = names(HexclaveContract.client().operations());
        Set<String> clientOnly = excluded(Exclusions.CLIENT_ONLY);
        assertThat(clientOnly).as("client-only exclusions the client document does not have").isSubsetOf(documented);
        Set<String> excluded = new TreeSet<>(excluded(Exclusions.ALL));
        excluded.retainAll(documented);
        excluded.addAll(clientOnly);
        assertServedOrExcluded("client", documented, names(client), excluded);
    }

    private static void assertServedOrExcluded(String document, Set<String> documented, Set<String> served,
            Set<String> excluded) {
        assertThat(served).as("excluded yet served with " + document + " access").doesNotContainAnyElementsOf(excluded);
        Set<String> missing = new TreeSet<>(documented);
        missing.removeAll(served);
        missing.removeAll(excluded);
        assertThat(missing).as(document + " operations neither served nor excluded").isEmpty();
    }

    private static Set<String> names(java.util.Collection<Operation> operations) {
        return new TreeSet<>(operations.stream().map(Operation::toString).toList());
    }

    /** The operations of these exclusions, each exclusion checked to give its reason. */
    private static Set<String> excluded(List<Exclusions.Exclusion> exclusions) {
        Set<String> excluded = new TreeSet<>();
        for (Exclusions.Exclusion e : exclusions) {
            assertThat(e.reason()).as(e.area()).isNotBlank();
            excluded.addAll(e.operations());
        }
        return excluded;
    }

    @Test
    void excludedOperationsAnswer501() {
        try (HexclaveEmulator e = HexclaveEmulator.builder().build().start()) {
            EmulatorHttp h = new EmulatorHttp(e);
            for (Exclusions.Exclusion exclusion : java.util.stream.Stream.concat(Exclusions.ALL.stream(),
                    Exclusions.CLIENT_ONLY.stream()).toList()) {
                boolean clientOnly = Exclusions.CLIENT_ONLY.contains(exclusion);
                for (String operation : exclusion.operations()) {
                    String[] parts = operation.split(" ");
                    String path = parts[1].replaceAll("\\{[^}]+}", "x");
                    EmulatorHttp.Reply reply = (clientOnly ? h.client() : h.server()).send(parts[0], path,
                            parts[0].equals("GET") ? null : "{}");
                    assertThat(reply.status()).as(operation).isEqualTo(501);
                    assertThat(reply.body()).as(operation).contains(exclusion.reason());
                }
            }
        }
    }

    @Test
    void theDocsStateTheCoverageTheTourFound() throws IOException {
        String expected = coveragePage();
        Path page = Path.of("..").resolve(COVERAGE_PAGE).normalize();
        if (Boolean.getBoolean("hexclave.coverage.write")) {
            Files.writeString(page, expected, StandardCharsets.UTF_8);
        }
        assertThat(Files.exists(page) ? Files.readString(page, StandardCharsets.UTF_8) : "")
                .as(COVERAGE_PAGE + " is stale: run the emulator tests with -Dhexclave.coverage.write=true").isEqualTo(expected);
    }

    /**
     * The AsciiDoc include: served/total per area (OpenAPI tag) of the server document and of the client document (with
     * client access), and the exclusions.
     */
    private String coveragePage() {
        Map<String, String> serverCounts = countsByTag(HexclaveContract.server().operations(), server);
        Map<String, String> clientCounts = countsByTag(HexclaveContract.client().operations(), client);
        Set<String> areas = new TreeSet<>(serverCounts.keySet());
        areas.addAll(clientCounts.keySet());
        areas.remove(TOTAL);
        StringBuilder out = new StringBuilder();
        out.append("// Generated by the emulator's ContractCoverageTest (-Dhexclave.coverage.write=true); do not edit.\n");
        out.append("[cols=\"3,1,1\"]\n|===\n|Area (OpenAPI tag) |Server document: served / operations "
                + "|Client document (client access): served / operations\n\n");
        for (String area : areas) {
            out.append('|').append(area).append(" |").append(serverCounts.getOrDefault(area, "-")).append(" |")
                    .append(clientCounts.getOrDefault(area, "-")).append('\n');
        }
        out.append("\n|*Total* |*").append(serverCounts.get(TOTAL)).append("* |*").append(clientCounts.get(TOTAL))
                .append("*\n|===\n\n");
        out.append("Not served (each answers `501` with its reason):\n\n");
        Set<String> clientDocument = names(HexclaveContract.client().operations());
        for (Exclusions.Exclusion e : Exclusions.ALL) {
            long inClient = e.operations().stream().filter(clientDocument::contains).count();
            String documents = inClient == 0 ? "server document"
                    : inClient == e.operations().size() ? "both documents" : "server document; " + inClient + " also client";
            exclusion(out, e, documents);
        }
        for (Exclusions.Exclusion e : Exclusions.CLIENT_ONLY) {
            exclusion(out, e, "client document only");
        }
        return out.toString();
    }

    private static final String TOTAL = "";

    /** {@code "served / total"} by tag, and the totals under {@link #TOTAL}. */
    private static Map<String, String> countsByTag(List<Operation> documented, Set<Operation> served) {
        Map<String, int[]> byTag = new java.util.TreeMap<>();
        for (Operation o : documented) {
            for (String key : List.of(o.tag(), TOTAL)) {
                int[] counts = byTag.computeIfAbsent(key, t -> new int[2]);
                counts[1]++;
                if (served.contains(o)) {
                    counts[0]++;
                }
            }
        }
        Map<String, String> out = new LinkedHashMap<>();
        byTag.forEach((tag, counts) -> out.put(tag, counts[0] + " / " + counts[1]));
        return out;
    }

    private static void exclusion(StringBuilder out, Exclusions.Exclusion e, String documents) {
        out.append("* *").append(e.area()).append("* (").append(e.operations().size()).append(", ").append(documents)
                .append("): ").append(e.reason()).append(".\n  ");
        out.append(String.join(", ", e.operations().stream().map(o -> "`" + o + "`").toList())).append('\n');
    }
}
