package io.quarkiverse.hexclave.it.jakarta;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import io.quarkiverse.hexclave.emulator.EmulatedUser;
import io.quarkiverse.hexclave.emulator.HexclaveEmulator;
import io.quarkiverse.hexclave.emulator.NewUser;
import io.quarkiverse.hexclave.emulator.SessionTokens;
import io.restassured.specification.RequestSpecification;

/**
 * Issue 10 item 6 on a real server (Open Liberty, the sample WAR, the cookie credential source on): a
 * {@code hexclave-access} cookie whose token expired, or that is garbage, leaves the request anonymous. A public JAX-RS
 * resource and a static file of the WAR answer 200 (the resource to a guest), while a resource behind the
 * {@code web.xml} security constraint answers 401 with the failure's challenge. A valid cookie still authenticates.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StaleCookieLeavesRequestAnonymousIT {

    static final String STATIC_FILE = "/static/hello.txt";

    HexclaveEmulator emulator;
    ServerUnderTest server;
    EmulatedUser alice;
    SessionTokens session;

    @BeforeAll
    void start() {
        emulator = HexclaveEmulator.builder().build().start();
        alice = emulator.createUser(NewUser.withEmail("alice@example.com").displayName("Alice Liddell").build());
        session = emulator.createSession(alice.id());
        Map<String, String> config = new LinkedHashMap<>();
        config.put("hexclave.project-id", emulator.projectId());
        config.put("hexclave.api-url", emulator.apiUrl());
        config.put("hexclave.secret-server-key", emulator.secretServerKey());
        config.put("hexclave.credential-sources", "authorization,cookie");
        server = OpenLibertyServer.start("liberty-stale-cookie", config,
                OpenLibertyServer.ConfigRoute.SERVER_XML_VARIABLES, false, List.of());
    }

    @AfterAll
    void stop() {
        // closed in reverse order, the server first (by PID); a resource that never started is null and skipped
        try (HexclaveEmulator e = emulator; ServerUnderTest s = server) {
            // nothing else to do
        }
    }

    @Test
    void expiredCookieLeavesPublicPagesOpenAndProtectedOnesChallenged() {
        String expired = emulator.token(alice).expiresIn(Duration.ofMinutes(-5)).mint();
        withCookie(expired).get("/api/public").then().statusCode(200).body(equalTo("hello guest"));
        withCookie(expired).get(STATIC_FILE).then().statusCode(200).body(equalTo("a static file of the sample\n"));
        withCookie(expired).get("/api/secure/me").then().statusCode(401).header("WWW-Authenticate",
                equalTo("Bearer error=\"invalid_token\", error_description=\"token expired\""));
    }

    @Test
    void garbageCookieLeavesPublicPagesOpenAndProtectedOnesChallenged() {
        RequestSpecification[] garbage = {
            request().cookie("hexclave-access", "garbage%%%not-json"),
            withCookie("not.a.jwt"),
        };
        for (RequestSpecification cookie : garbage) {
            cookie.get("/api/public").then().statusCode(200).body(equalTo("hello guest"));
        }
        request().cookie("hexclave-access", "garbage%%%not-json").get(STATIC_FILE).then().statusCode(200);
        withCookie("not.a.jwt").get(STATIC_FILE).then().statusCode(200);
        request().cookie("hexclave-access", "garbage%%%not-json").get("/api/secure/me").then().statusCode(401)
                .header("WWW-Authenticate", startsWith("Bearer"));
        withCookie("not.a.jwt").get("/api/secure/me").then().statusCode(401)
                .header("WWW-Authenticate", startsWith("Bearer"));
    }

    @Test
    void validCookieStillAuthenticates() {
        withCookie(session.accessToken()).get("/api/secure/me").then().statusCode(200)
                .body("userId", equalTo(alice.id()));
        withCookie(session.accessToken()).get("/api/public").then().statusCode(200)
                .body(equalTo("hello " + alice.id()));
        withCookie(session.accessToken()).get(STATIC_FILE).then().statusCode(200);
    }

    private RequestSpecification request() {
        return given().baseUri(server.baseUri()).redirects().follow(false);
    }

    /** The SDK's cookie pair (as the browser SDK writes it) carrying {@code accessToken}. */
    private RequestSpecification withCookie(String accessToken) {
        return CredentialFormats.COOKIES.apply(request(), accessToken, session.refreshToken(), emulator.projectId());
    }
}
