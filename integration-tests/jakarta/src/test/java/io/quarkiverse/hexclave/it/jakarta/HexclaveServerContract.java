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

import io.quarkiverse.hexclave.emulator.EmulatedUser;
import io.quarkiverse.hexclave.emulator.HexclaveEmulator;
import io.quarkiverse.hexclave.emulator.NewUser;
import io.quarkiverse.hexclave.emulator.SessionTokens;
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
        // Cookies are opt-in; the sample enables every source so that each format is tested.
        config.put("hexclave.credential-sources", "authorization,bearer,access-token-header,x-stack-auth,cookie");
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
    }
}
