package io.quarkiverse.hexclave.it.jakarta;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.in;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import io.quarkiverse.hexclave.emulator.EmulatedTeam;
import io.quarkiverse.hexclave.emulator.EmulatedUser;
import io.quarkiverse.hexclave.emulator.HexclaveEmulator;
import io.quarkiverse.hexclave.emulator.NewApiKey;
import io.quarkiverse.hexclave.emulator.NewUser;
import io.quarkiverse.hexclave.emulator.SessionTokens;
import io.quarkiverse.hexclave.emulator.WebhookSignature;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * What every Jakarta EE server must do with hexclave-jakarta, written once and run against each
 * {@link ServerUnderTest}, with the in-process Hexclave emulator as the identity provider on 127.0.0.1.
 * <p>
 * The server starts while the emulator's JWKS endpoint is down, so the first test sees Hexclave's keys unavailable
 * (503); the fault is then lifted for the rest.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class HexclaveServerContract {

    HexclaveEmulator emulator;
    ServerUnderTest server;
    EmulatedUser alice;
    SessionTokens aliceSession;
    final List<String> tokensSent = new ArrayList<>();

    /**
     * Whether the server has its own default {@code JsonWebToken} bean (a MicroProfile JWT implementation): proves the
     * coexistence scenario is real where expected. Our jar never adds one.
     */
    abstract boolean serverShipsJsonWebToken();

    /**
     * The {@code Cache-Control} of an authenticated response that the application left alone: the mechanism's
     * {@code private, no-store}, unless the server sets its own on pages behind a security constraint.
     */
    String defaultCacheControl() {
        return "private, no-store";
    }

    /**
     * Starts the server with the sample WAR, the documentation's quickstart WAR (at context root
     * {@link #QUICKSTART_CONTEXT_ROOT}) and these {@code hexclave.*} settings.
     */
    abstract ServerUnderTest startServer(Map<String, String> hexclaveConfig, Path quickstartWar);

    /** Where every server deploys the quickstart WAR (its file name, for servers that derive the root from it). */
    static final String QUICKSTART_CONTEXT_ROOT = "quickstart";

    private static Path quickstartWar;

    /** The quickstart WAR, built once per test run from the files the documentation shows. */
    static synchronized Path quickstartWar() {
        if (quickstartWar == null) {
            quickstartWar = QuickstartWar.build(ServerProcess.workDir(QUICKSTART_CONTEXT_ROOT));
        }
        return quickstartWar;
    }

    @BeforeAll
    void startServerWithEmulator() {
        emulator = HexclaveEmulator.builder().build().start();
        emulator.faults().jwksDown();
        alice = emulator.createUser(NewUser.withEmail("alice@example.com").displayName("Alice Liddell").build());
        aliceSession = emulator.createSession(alice.id());
        Map<String, String> config = new LinkedHashMap<>();
        config.put("hexclave.project-id", emulator.projectId());
        config.put("hexclave.api-url", emulator.apiUrl());
        config.put("hexclave.secret-server-key", emulator.secretServerKey());
        config.put("hexclave.jwks.refresh-cooldown", "1s");
        // Project permissions become groups (on by default with a server key); short-lived so a revocation shows soon.
        config.put("hexclave.authorization.cache-ttl", "1s");
        emulator.defineProjectPermission("admin");
        emulator.defineProjectPermission("owner", "admin");
        emulator.defineTeamPermission("edit");
        emulator.defineTeamPermission("manage", "edit");
        // Cookies are opt-in; the sample enables every source so that each format is tested.
        config.put("hexclave.credential-sources", "authorization,bearer,access-token-header,x-stack-auth,cookie");
        config.put("hexclave.api-keys.enabled", "true"); // machine clients are opt-in
        config.put("hexclave.webhook.secret", WEBHOOK_SECRET);
        server = startServer(config, quickstartWar());
    }

    @AfterAll
    void stopServerAndEmulator() {
        try {
            if (server != null) {
                server.close();
            }
        } finally {
            if (emulator != null) {
                emulator.close();
            }
        }
    }

    /** The sample's webhook signing secret; the emulator signs its deliveries with it too. */
    static final String WEBHOOK_SECRET = WebhookSignature.newSecret();

    RequestSpecification request() {
        return given().baseUri(server.baseUri()).redirects().follow(false);
    }

    String token(String token) {
        tokensSent.add(token);
        return token;
    }

    // ---- Hexclave unreachable ---------------------------------------------------------------------------------

    @Test
    @Order(1)
    void unavailableSigningKeysGive503NotA401() {
        try {
            request().auth().oauth2(token(aliceSession.accessToken())).get("/api/secure/me").then()
                    .statusCode(503)
                    .header("WWW-Authenticate", nullValue())
                    .body(not(containsString("Exception")));
        } finally {
            emulator.faults().reset();
        }
        awaitKeysFetched();
    }

    /** After an outage the verifier waits a moment (its failure back-off) before it asks Hexclave again. */
    void awaitKeysFetched() {
        long deadline = System.nanoTime() + 10_000_000_000L;
        int status;
        do {
            status = request().auth().oauth2(token(aliceSession.accessToken())).get("/api/secure/me").statusCode();
            if (status == 200) {
                return;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        } while (System.nanoTime() < deadline);
        throw new AssertionError(server.name() + " still answers " + status + " 10 s after Hexclave's keys came back:\n"
                + server.logTail());
    }

    // ---- webhooks ---------------------------------------------------------------------------------------------

    /** The sample maps HexclaveWebhookServlet at /hexclave/webhook and records what its observer receives. */
    @Test
    @Order(5)
    void webhookDeliveriesAreFiredAsCdiEventsAndRefusalsAreNot() {
        String body = "{\"type\":\"team_membership.deleted\",\"data\":{\"team_id\":\"t-1\",\"user_id\":\"u-42\"}}";
        byte[] bytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        long now = java.time.Instant.now().getEpochSecond();
        request().headers(WebhookSignature.headers(WebhookSignature.newSecret(), "msg_forged", now, bytes)).body(bytes)
                .post("/hexclave/webhook").then().statusCode(401);
        request().body(bytes).post("/hexclave/webhook").then().statusCode(400);
        request().headers(WebhookSignature.headers(WEBHOOK_SECRET, "msg_it_1", now, bytes)).body(bytes)
                .post("/hexclave/webhook").then().statusCode(204);
        request().headers(WebhookSignature.headers(WEBHOOK_SECRET, "msg_it_1", now, bytes)).body(bytes)
                .post("/hexclave/webhook").then().statusCode(204); // a retry: acknowledged, not fired again
        request().get("/api/webhook-events").then().statusCode(200).body(equalTo("team_membership.deleted:u-42"));

        // the emulator delivers its own changes, signed, to the server
        emulator.webhooks().secret(WEBHOOK_SECRET).addEndpoint(server.baseUri() + "/hexclave/webhook");
        try {
            EmulatedUser bob = emulator.createUser(NewUser.withEmail("bob@example.com").build());
            long deadline = System.nanoTime() + 15_000_000_000L;
            String events;
            do {
                events = request().get("/api/webhook-events").then().statusCode(200).extract().asString();
                if (!events.contains("user.created:" + bob.id())) {
                    try {
                        Thread.sleep(100);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        break;
                    }
                }
            } while (!events.contains("user.created:" + bob.id()) && System.nanoTime() < deadline);
            assertThat(events).as(server.name() + " observed the emulator's delivery").contains("user.created:" + bob.id());
        } finally {
            emulator.webhooks().secret(null);
        }
    }

    // ---- no credential ----------------------------------------------------------------------------------------

    @Test
    @Order(10)
    void publicResourceIsOpenToGuests() {
        request().get("/api/public").then().statusCode(200).body(equalTo("hello guest"));
    }

    @Test
    @Order(10)
    void protectedResourceWithoutCredentialGetsPlainBearerChallenge() {
        request().get("/api/secure/me").then().statusCode(401).header("WWW-Authenticate", equalTo("Bearer"));
    }

    // ---- accepted credentials ----------------------------------------------------------------------------------

    @Test
    @Order(10)
    void publicResourceKnowsTheSignedInUser() {
        request().auth().oauth2(token(aliceSession.accessToken())).get("/api/public").then()
                .statusCode(200).body(equalTo("hello " + alice.id()));
    }

    @ParameterizedTest
    @EnumSource(CredentialFormats.class)
    @Order(10)
    void everyCredentialFormatAuthenticates(CredentialFormats format) {
        format.apply(request(), token(aliceSession.accessToken()), aliceSession.refreshToken(), emulator.projectId())
                .get("/api/secure/me").then()
                .statusCode(200)
                .body("userId", equalTo(alice.id()));
    }

    @Test
    @Order(10)
    void everyStandardApiSeesTheHexclavePrincipal() {
        request().auth().oauth2(token(aliceSession.accessToken())).get("/api/secure/me").then()
                .statusCode(200)
                .body("userId", equalTo(alice.id()))
                .body("email", equalTo("alice@example.com"))
                .body("userClass", equalTo("NORMAL"))
                .body("groups", equalTo("authenticated"))
                .body("jwtSubject", equalTo(alice.id()))
                .body("identityUserId", equalTo(alice.id()))
                .body("servletUserPrincipal", equalTo(alice.id()))
                .body("servletInRoleAuthenticated", equalTo(true))
                .body("servletInRoleAdmin", equalTo(false))
                .body("servletInRoleCustomer", equalTo(true))
                .body("securityContextCaller", equalTo(alice.id()))
                .body("securityContextInRoleAuthenticated", equalTo(true))
                .body("defaultJsonWebTokenAmbiguous", equalTo(false))
                .body("defaultJsonWebTokenResolvable", equalTo(serverShipsJsonWebToken()));
    }

    @Test
    @Order(10)
    void authenticatedResponsesAreNotCacheableByDefault() {
        request().auth().oauth2(token(aliceSession.accessToken())).get("/api/secure/me").then()
                .statusCode(200).header("Cache-Control", equalTo(defaultCacheControl()));
    }

    @Test
    @Order(10)
    void applicationCacheControlReplacesTheDefault() {
        Response response = request().auth().oauth2(token(aliceSession.accessToken())).get("/api/secure/cacheable");
        response.then().statusCode(200);
        assertThat(response.headers().getValues("Cache-Control")).singleElement().asString()
                .contains("private").contains("max-age=60").doesNotContain("no-store");
    }

    @Test
    @Order(10)
    void roleTheUserLacksGives403() {
        request().auth().oauth2(token(aliceSession.accessToken())).get("/api/secure/admin").then().statusCode(403);
    }

    // ---- identity stores and groups ------------------------------------------------------------------------------

    @Test
    @Order(10)
    void applicationIdentityStoreProvidingGroupsIsConsulted() {
        request().auth().oauth2(token(aliceSession.accessToken())).get("/api/secure/customer").then()
                .statusCode(200).body(equalTo("customer " + alice.id()));
        SessionTokens noEmail = emulator.createSession(emulator.createUser(NewUser.builder().build()).id());
        request().auth().oauth2(token(noEmail.accessToken())).get("/api/secure/customer").then().statusCode(403);
    }

    @Test
    @Order(10)
    void projectPermissionAdminPassesRolesAllowedAdmin() {
        EmulatedUser admin = emulator.createUser(NewUser.withEmail("admin@example.com").build());
        emulator.grantProjectPermission(admin.id(), "admin");
        String token = token(emulator.createSession(admin.id()).accessToken());

        request().auth().oauth2(token).get("/api/secure/admin").then().statusCode(200).body(equalTo("admin only"));
        request().auth().oauth2(token).get("/api/secure/me").then().statusCode(200)
                .body("servletInRoleAdmin", equalTo(true))
                .body("servletInRoleAuthenticated", equalTo(true))
                .body("servletInRoleCustomer", equalTo(true));
    }

    @Test
    @Order(10)
    void permissionContainingAdminPassesRolesAllowedAdmin() {
        EmulatedUser owner = emulator.createUser(NewUser.builder().build());
        emulator.grantProjectPermission(owner.id(), "owner");

        request().auth().oauth2(token(emulator.createSession(owner.id()).accessToken())).get("/api/secure/admin").then()
                .statusCode(200);
    }

    @Test
    @Order(10)
    void revokedPermissionFailsOnceTheCacheLifetimeEnds() throws InterruptedException {
        EmulatedUser admin = emulator.createUser(NewUser.builder().build());
        emulator.grantProjectPermission(admin.id(), "admin");
        String token = token(emulator.createSession(admin.id()).accessToken());
        request().auth().oauth2(token).get("/api/secure/admin").then().statusCode(200);

        emulator.revokeProjectPermission(admin.id(), "admin");
        Thread.sleep(1_500); // hexclave.authorization.cache-ttl=1s

        request().auth().oauth2(token).get("/api/secure/admin").then().statusCode(403);
    }

    @Test
    @Order(10)
    void teamScopedCheckPassesOnlyInTheTeamWhereTheUserHoldsThePermission() {
        EmulatedUser member = emulator.createUser(NewUser.builder().build());
        EmulatedTeam red = emulator.createTeam("Red");
        EmulatedTeam blue = emulator.createTeam("Blue");
        emulator.grantTeamPermission(red.id(), member.id(), "manage"); // contains edit
        emulator.addTeamMember(blue.id(), member.id());
        String token = token(emulator.createSession(member.id()).accessToken());

        request().auth().oauth2(token).get("/api/secure/teams/" + red.id() + "/edit").then().statusCode(200);
        request().auth().oauth2(token).get("/api/secure/teams/" + blue.id() + "/edit").then().statusCode(403);
        request().auth().oauth2(token).get("/api/secure/teams/not-a-team/edit").then().statusCode(403);
        request().auth().oauth2(token).get("/api/secure/teams").then().statusCode(200)
                .body("", org.hamcrest.Matchers.contains("Blue", "Red"));
        request().auth().oauth2(token).get("/api/secure/teams/project-permission/admin").then().statusCode(200)
                .body(equalTo("false"));

        request().auth().oauth2(token).get("/api/secure/teams/selected/edit").then().statusCode(403);
        emulator.selectTeam(member.id(), red.id());
        request().auth().oauth2(token(emulator.createSession(member.id()).accessToken()))
                .get("/api/secure/teams/selected/edit").then().statusCode(200);
    }

    @Test
    @Order(10)
    void currentUserLoadsTheProfileLazilyOncePerRequest() {
        request().auth().oauth2(token(aliceSession.accessToken())).get("/api/secure/hexclave/profile").then()
                .statusCode(200)
                .body("userId", equalTo(alice.id()))
                .body("loadedBeforeUse", equalTo(false))
                .body("displayName", equalTo("Alice Liddell"))
                .body("primaryEmail", equalTo("alice@example.com"))
                .body("sameInstanceForTheRequest", equalTo(true))
                .body("loadedOnce", equalTo(true));
    }

    @Test
    @Order(10)
    void injectedClientCallsHexclaveWithTheSecretServerKey() {
        EmulatedUser bob = emulator.createUser(NewUser.withEmail("bob@example.com").displayName("Bob").build());
        request().auth().oauth2(token(aliceSession.accessToken())).get("/api/secure/hexclave/users/" + bob.id()).then()
                .statusCode(200)
                .body("id", equalTo(bob.id()))
                .body("displayName", equalTo("Bob"));
    }

    // ---- rejected credentials ------------------------------------------------------------------------------------

    @Test
    @Order(10)
    void malformedAuthorizationHeaderGets401InvalidToken() {
        request().header("Authorization", "Bearer stackauth_%%%not-base64").get("/api/secure/me").then()
                .statusCode(401)
                .header("WWW-Authenticate", equalTo("Bearer error=\"invalid_token\", error_description=\"malformed token\""))
                .body(not(containsString("Exception")));
    }

    @ParameterizedTest
    @EnumSource(HostileTokens.class)
    @Order(10)
    void hostileTokenGets401WithItsReasonAndNothingElse(HostileTokens hostile) {
        String token = token(hostile.mint(emulator, alice));
        // The Hexclave header is always ours; a raw Bearer JWT of another issuer is left alone (see below).
        request().header("x-hexclave-access-token", token).get("/api/secure/me").then()
                .statusCode(401)
                .header("WWW-Authenticate", in(hostile.challenges()))
                .body(not(containsString(token)))
                .body(not(containsString("Exception")));
    }

    @Test
    @Order(10)
    void bearerJwtOfAnotherIssuerIsLeftAloneNotRejected() {
        String foreign = token(HostileTokens.WRONG_ISSUER.mint(emulator, alice));
        request().auth().oauth2(foreign).get("/api/public").then().statusCode(200);
        request().auth().oauth2(foreign).get("/api/secure/me").then().statusCode(401)
                .header("WWW-Authenticate", "Bearer");
    }

    @ParameterizedTest
    @EnumSource(value = HostileTokens.class, names = { "EXPIRED", "BAD_SIGNATURE" })
    @Order(10)
    void hostileTokenIsRejectedOnPublicResourcesToo(HostileTokens hostile) {
        request().auth().oauth2(token(hostile.mint(emulator, alice))).get("/api/public").then()
                .statusCode(401)
                .header("WWW-Authenticate", in(hostile.challenges()));
    }

    // ---- per-endpoint grants (@AllowRestrictedUsers / @AllowAnonymousUsers) -----------------------------------------

    static final String RESTRICTED_NOT_ALLOWED = "Bearer error=\"invalid_token\", "
            + "error_description=\"restricted users are not allowed\"";
    static final String ANONYMOUS_NOT_ALLOWED = "Bearer error=\"invalid_token\", "
            + "error_description=\"anonymous users are not allowed\"";

    EmulatedUser restrictedUser() {
        return emulator.createUser(NewUser.withEmail("r-" + java.util.UUID.randomUUID() + "@example.com")
                .restrictedByAdmin("onboarding").build());
    }

    @Test
    @Order(10)
    void restrictedUserIsAdmittedOnTheGrantingEndpointWithoutTheAuthenticatedRole() {
        EmulatedUser restricted = restrictedUser();
        request().auth().oauth2(token(emulator.mintAccessToken(restricted))).get("/api/onboarding/next").then()
                .statusCode(200)
                .header("Cache-Control", containsString("no-store"))
                .body("userId", equalTo(restricted.id()))
                .body("userClass", equalTo("RESTRICTED"))
                .body("servletUserPrincipal", equalTo(restricted.id()))
                .body("inRoleAuthenticated", equalTo(false))
                .body("inRoleRestricted", equalTo(true));
    }

    @Test
    @Order(10)
    void restrictedUserIsRefusedWhereNoGrantAdmitsThem() {
        String token = token(emulator.mintAccessToken(restrictedUser()));
        // A JAX-RS method open to everyone, in the class of a granting one: refused, not served as a guest.
        request().auth().oauth2(token).get("/api/onboarding/later").then()
                .statusCode(401).header("WWW-Authenticate", equalTo(RESTRICTED_NOT_ALLOWED))
                .body(not(containsString("later")));
        request().auth().oauth2(token).get("/api/public").then()
                .statusCode(401).header("WWW-Authenticate", equalTo(RESTRICTED_NOT_ALLOWED));
        // Behind a web.xml constraint (checked before routing), and where the anonymous grant does not reach them.
        request().auth().oauth2(token).get("/api/secure/me").then()
                .statusCode(401).header("WWW-Authenticate", equalTo(RESTRICTED_NOT_ALLOWED));
    }

    @Test
    @Order(10)
    void restrictedUserIsNeverAuthenticatedOutsideJaxRs() {
        request().auth().oauth2(token(emulator.mintAccessToken(restrictedUser()))).get("/whoami").then()
                .statusCode(200).body(equalTo("guest"));
    }

    /**
     * An application that lists its JAX-RS classes without HexclaveUserClassFilter: where the server honours the
     * list, the grant cannot take effect and the user stays a guest; where it adds the scanned filter anyway, the
     * filter decides; a server that treats the resource as protected refuses the user before routing. Never is the
     * user admitted on the method that grants nothing.
     */
    @Test
    @Order(10)
    void restrictedUserIsNotAdmittedThroughAnApplicationWithoutTheFilter() {
        EmulatedUser restricted = restrictedUser();
        String token = token(emulator.mintAccessToken(restricted));
        Response who = request().auth().oauth2(token).get("/listed/who");
        assertThat(who.statusCode()).as("%s: %s", server.name(), who.asString()).isIn(200, 401);
        if (who.statusCode() == 200) {
            assertThat(who.asString()).isEqualTo("guest");
        } else {
            assertThat(who.header("WWW-Authenticate")).isEqualTo(RESTRICTED_NOT_ALLOWED);
        }
        Response granted = request().auth().oauth2(token).get("/listed/who/granted");
        assertThat(granted.statusCode()).as("%s: %s", server.name(), granted.asString()).isIn(200, 401);
        if (granted.statusCode() == 200) {
            assertThat(granted.asString()).isIn("guest", restricted.id());
        }
    }

    @Test
    @Order(10)
    void anonymousUserIsAdmittedOnlyWhereAnonymousUsersAreGranted() {
        EmulatedUser guest = emulator.createUser(NewUser.anonymousUser().build());
        String token = token(emulator.mintAccessToken(guest));
        request().auth().oauth2(token).get("/api/onboarding/guest").then()
                .statusCode(200)
                .body("userId", equalTo(guest.id()))
                .body("userClass", equalTo("ANONYMOUS"))
                .body("inRoleAuthenticated", equalTo(false))
                .body("inRoleAnonymous", equalTo(true));
        request().auth().oauth2(token).get("/api/onboarding/next").then()
                .statusCode(401).header("WWW-Authenticate", equalTo(ANONYMOUS_NOT_ALLOWED));
    }

    @Test
    @Order(10)
    void normalUserPassesGrantingAndOtherEndpointsAlike() {
        String token = token(aliceSession.accessToken());
        request().auth().oauth2(token).get("/api/onboarding/next").then()
                .statusCode(200).body("userId", equalTo(alice.id())).body("inRoleAuthenticated", equalTo(true));
        request().auth().oauth2(token).get("/api/onboarding/later").then()
                .statusCode(200).body(equalTo("later " + alice.id()));
    }

    // ---- Hexclave API keys (machine clients) ----------------------------------------------------------------------

    @Test
    @Order(10)
    void apiKeysAuthenticateTheirOwnerAndRefusedKeysGet401NamingTheReason() {
        EmulatedUser owner = emulator.createUser(NewUser.withEmail("k-" + java.util.UUID.randomUUID() + "@example.com")
                .build());
        emulator.grantProjectPermission(owner.id(), "admin");
        String userKey = emulator.createApiKey(NewApiKey.forUser(owner.id()).build()).value();
        request().header("x-hexclave-api-key", userKey).get("/api/machine").then()
                .statusCode(200).body(equalTo(owner.id() + " admin=true team=false user=" + owner.id()));
        request().header("x-hexclave-api-key", userKey).get("/api/machine/people").then().statusCode(403);
        request().auth().oauth2(token(aliceSession.accessToken())).get("/api/machine/people").then()
                .statusCode(200).body(equalTo("person " + alice.id()));

        EmulatedTeam team = emulator.createTeam("Robots");
        request().auth().oauth2(emulator.createApiKey(NewApiKey.forTeam(team.id()).build()).value())
                .get("/api/machine").then()
                .statusCode(200).body(equalTo(team.id() + " admin=false team=true user=none"));

        var revoked = emulator.createApiKey(NewApiKey.forUser(owner.id()).build());
        emulator.revokeApiKey(revoked.id());
        request().header("x-stack-api-key", revoked.value()).get("/api/machine").then()
                .statusCode(401)
                .header("WWW-Authenticate", equalTo("Bearer error=\"invalid_token\", error_description=\"api key revoked\""))
                .body(not(containsString(revoked.value())));
    }

    // ---- the documentation's quickstart, as written ----------------------------------------------------------------

    @Test
    @Order(20)
    void quickstartAsWrittenGives401WithoutToken() {
        given().baseUri(server.baseUri(QUICKSTART_CONTEXT_ROOT)).get("/api/hello").then()
                .statusCode(401)
                .header("WWW-Authenticate", equalTo("Bearer"));
    }

    @Test
    @Order(20)
    void quickstartAsWrittenGives200WithToken() {
        given().baseUri(server.baseUri(QUICKSTART_CONTEXT_ROOT)).auth().oauth2(token(aliceSession.accessToken()))
                .get("/api/hello").then()
                .statusCode(200)
                .body(equalTo("Hello " + alice.id()));
    }

    // ---- the application's own JSON ----------------------------------------------------------------------------

    /** hexclave-jakarta's Jackson must not change the serializer of the application's objects (JSON-B on EE servers). */
    @Test
    @Order(10)
    void applicationObjectsAreStillWrittenByJsonBinding() {
        request().get("/api/json").then()
                .statusCode(200)
                .body("renamed", equalTo("value"))
                .body("original", nullValue())
                .body("internal", nullValue());
    }

    // ---- Hexclave gone while the keys are cached (stops the emulator: last before the log checks) --------------

    /**
     * Through each server's own IdentityStoreHandler: the token verifies with the cached keys, but the user's project
     * permissions cannot be listed, so the login gets the keys-unavailable answer, not a 500 and not a login without
     * its groups.
     */
    @Test
    @Order(90)
    void unreachableHexclaveWhileListingPermissionsGives503() {
        EmulatedUser late = emulator.createUser(NewUser.builder().build());
        String token = token(emulator.createSession(late.id()).accessToken());
        emulator.close();

        request().auth().oauth2(token).get("/api/secure/me").then()
                .statusCode(503)
                .header("Retry-After", equalTo("10"))
                .header("WWW-Authenticate", nullValue())
                .body(not(containsString("Exception")));
        request().auth().oauth2(token).get("/api/public").then().statusCode(503);
    }

    // ---- afterwards ----------------------------------------------------------------------------------------------

    @Test
    @Order(100)
    void serverLogHoldsNoTokenItSaw() {
        String log = server.log();
        assertThat(tokensSent).isNotEmpty();
        for (String token : tokensSent) {
            assertThat(log).as("%s log must not contain a token", server.name()).doesNotContain(token);
            assertThat(log).doesNotContain(token.substring(token.lastIndexOf('.') + 1));
        }
        assertThat(log).doesNotContain(emulator.secretServerKey());
        assertThat(log).as("%s log must not contain an API key", server.name()).doesNotContain("574ck4u7h");
    }

    /** The sample's keys (also those the server lists from environment variables) are all the adapter's own. */
    @Test
    @Order(100)
    void serverLogNamesNoKeyOfTheSampleAsUnused() {
        assertThat(server.log()).as("%s log", server.name()).doesNotContain("is not a key of the Jakarta adapter")
                .doesNotContain("understood only by the Quarkus extension");
    }
}
