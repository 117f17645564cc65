package io.quarkiverse.hexclave.emulator.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.quarkiverse.hexclave.emulator.EmulatedApiKey;
import io.quarkiverse.hexclave.emulator.EmulatedTeam;
import io.quarkiverse.hexclave.emulator.EmulatedUser;
import io.quarkiverse.hexclave.emulator.HexclaveEmulator;
import io.quarkiverse.hexclave.emulator.MovableClock;
import io.quarkiverse.hexclave.emulator.NewApiKey;
import io.quarkiverse.hexclave.emulator.NewUser;
import io.quarkiverse.hexclave.emulator.SessionTokens;
import io.quarkiverse.hexclave.emulator.UserClass;
import io.quarkiverse.hexclave.emulator.VerificationCode;

/** The examples of docs/modules/ROOT/pages/emulator.adoc, compiled and run by the emulator module's tests. */
class EmulatorQuickstartTest {

    @Test
    void quickstart() throws Exception {
        // tag::quickstart[]
        try (HexclaveEmulator emu = HexclaveEmulator.builder() // <1>
                .accessTokenLifetime(Duration.ofMinutes(10))
                .build()
                .start()) {
            EmulatedUser ada = emu.createUser(NewUser.withEmail("ada@example.com").displayName("Ada").build()); // <2>
            String accessToken = emu.mintAccessToken(ada); // <3>

            HttpResponse<String> me = HttpClient.newHttpClient().send( // <4>
                    HttpRequest.newBuilder(URI.create(emu.apiUrl() + "/api/v1/users/me"))
                            .header("x-hexclave-access-type", "server")
                            .header("x-hexclave-project-id", emu.projectId())
                            .header("x-hexclave-secret-server-key", emu.secretServerKey())
                            .header("x-hexclave-access-token", accessToken)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            // end::quickstart[]
            assertThat(me.statusCode()).isEqualTo(200);
            assertThat(me.body()).contains("ada@example.com");
        }
    }

    @Test
    void javaApi() {
        try (HexclaveEmulator emu = HexclaveEmulator.builder().build().start()) {
            // tag::java-api[]
            EmulatedUser demo = emu.seedDemoUser(); // demo@example.com, "Demo User"
            EmulatedUser guest = emu.createUser(NewUser.anonymousUser().build());
            EmulatedUser flagged = emu.createUser(NewUser.withEmail("eve@example.com")
                    .restrictedByAdmin("Suspicious sign-up")
                    .serverMetadata(java.util.Map.of("plan", "free"))
                    .build());

            SessionTokens session = emu.createSession(demo.id()); // refreshToken(), accessToken(), sessionId()
            String anonymousToken = emu.mintAccessToken(guest);    // anonymous class: :anon audience and keys
            String restrictedToken = emu.mintAccessToken(UserClass.RESTRICTED); // a new restricted user

            EmulatedTeam team = emu.createTeam("Engineering");
            emu.defineTeamPermission("deploy", "read_logs");
            emu.defineTeamPermission("read_logs");
            emu.grantTeamPermission(team.id(), demo.id(), "deploy");
            emu.selectTeam(demo.id(), team.id()); // selected_team_id of tokens minted from now on
            // end::java-api[]
            assertThat(session.sessionId()).isNotBlank();
            assertThat(anonymousToken).startsWith("ey");
            assertThat(restrictedToken).startsWith("ey");
            assertThat(flagged.userClass()).isEqualTo(UserClass.RESTRICTED);
        }
    }

    @Test
    void hostileTokens() {
        try (HexclaveEmulator emu = HexclaveEmulator.builder().build().start()) {
            EmulatedUser user = emu.seedDemoUser();
            // tag::hostile[]
            String expired = emu.token(user).expiresIn(Duration.ofSeconds(-5)).mint();
            String foreign = emu.token(user).signWithForeignKey().mint();         // valid-looking, wrong key
            String confused = emu.token(user).algorithm("HS256").mint();          // HMAC keyed with the public key
            String jku = emu.token(user).header("jku", "http://evil.example").mint();
            String otherHost = emu.token(user).issuerOrigin("https://api.stack-auth.com").mint();
            String restricted = emu.token(user).userClass(UserClass.RESTRICTED).mint(); // consistent iss/aud/keys/claims
            String noEmail = emu.token(user).removeClaim("email").claim("branch_id", "dev").mint();
            // end::hostile[]
            assertThat(java.util.List.of(expired, foreign, confused, jku, otherHost, restricted, noEmail)).doesNotHaveDuplicates();
        }
    }

    @Test
    void faultsAndRotation() throws Exception {
        try (HexclaveEmulator emu = HexclaveEmulator.builder().build().start()) {
            // tag::faults[]
            emu.faults().jwksDown();                          // connection closed without a response
            emu.faults().jwksStatus(503);                     // 503 text/plain
            emu.faults().jwksGarbage();                       // 200 with a body that is not JSON
            emu.faults().jwksSlow(Duration.ofSeconds(2));     // every JWKS answer waits 2 s
            emu.faults().reset();                             // all off

            long fetches = emu.jwksRequestCount();            // e.g. to prove single-flight refreshes
            emu.rotateKeys();                                 // new kids everywhere, old keys gone
            emu.rotateKeys(true);                             // new kids, previous keys still published
            // end::faults[]
            assertThat(fetches).isZero();
        }
    }

    @Test
    void teamsPermissionsKeysAndCodes() throws Exception {
        try (HexclaveEmulator emu = HexclaveEmulator.builder().build().start()) {
            EmulatedUser ada = emu.createUser(NewUser.withEmail("ada@example.com").build());
            EmulatedUser bob = emu.createUser(NewUser.withEmail("bob@example.com").build());
            // tag::authorization[]
            EmulatedTeam team = emu.createTeam("Engineering", ada.id()); // <1>
            emu.addTeamMember(team.id(), bob.id());                       // <2>
            emu.defineTeamPermission("deploy", "read_logs");              // <3>
            emu.defineTeamPermission("read_logs");
            emu.grantTeamPermission(team.id(), bob.id(), "deploy");
            emu.defineProjectPermission("billing:admin", "billing:read"); // <4>
            emu.defineProjectPermission("billing:read");
            emu.grantProjectPermission(ada.id(), "billing:admin");

            EmulatedApiKey key = emu.createApiKey(NewApiKey.forTeam(team.id()) // <5>
                    .description("CI").expiresAt(java.time.Instant.now().plus(Duration.ofDays(30))).build());
            String secret = key.value();                                  // sk_…574ck4u7h…, for POST /team-api-keys/check
            // end::authorization[]
            // tag::codes[]
            HttpResponse<String> sent = HttpClient.newHttpClient().send( // an app asks Hexclave to invite bob
                    HttpRequest.newBuilder(URI.create(emu.apiUrl() + "/api/v1/team-invitations/send-code"))
                            .header("x-hexclave-access-type", "server")
                            .header("x-hexclave-project-id", emu.projectId())
                            .header("x-hexclave-secret-server-key", emu.secretServerKey())
                            .header("content-type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"team_id\":\"" + team.id()
                                    + "\",\"email\":\"carol@example.com\",\"callback_url\":\"https://app.example.com/join\"}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            VerificationCode invitation = emu.pendingCode(VerificationCode.Purpose.TEAM_INVITATION, "carol@example.com")
                    .orElseThrow();                                       // no e-mail is sent: read the code here
            String link = invitation.link();                              // https://app.example.com/join?code=…
            // end::codes[]
            assertThat(sent.statusCode()).isEqualTo(200);
            assertThat(secret).startsWith("sk_");
            assertThat(link).endsWith(invitation.code());
        }
    }

    @Test
    void frontend() throws Exception {
        // tag::frontend[]
        MovableClock clock = new MovableClock();
        try (HexclaveEmulator emu = HexclaveEmulator.builder()
                .clock(clock) // <1>
                .corsAllowedOrigins(java.util.List.of("http://localhost:*", "https://app.example.com")) // <2>
                .build()
                .start()) {
            emu.createUser(NewUser.withEmail("ada@example.com").primaryEmailAuthEnabled(true)
                    .password("correct horse").build()); // <3>

            HttpResponse<String> sent = HttpClient.newHttpClient().send( // <4>
                    HttpRequest.newBuilder(URI.create(emu.apiUrl() + "/api/v1/auth/otp/send-sign-in-code"))
                            .header("x-hexclave-access-type", "client")
                            .header("x-hexclave-project-id", emu.projectId())
                            .header("x-hexclave-publishable-client-key", emu.publishableClientKey())
                            .header("content-type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"bob@example.com\","
                                    + "\"callback_url\":\"http://localhost:5173/handler/magic-link-callback\"}"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            VerificationCode code = emu.pendingCode(VerificationCode.Purpose.SIGN_IN, "bob@example.com").orElseThrow();
            String typed = code.otp(); // <5>
            String magicLink = code.link();

            clock.advance(Duration.ofMinutes(11)); // <6>
            // end::frontend[]
            assertThat(sent.statusCode()).isEqualTo(200);
            assertThat(typed).hasSize(6);
            assertThat(magicLink).startsWith("http://localhost:5173/handler/magic-link-callback?code=");
        }
    }
}
