package io.quarkiverse.hexclave.it;

import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkiverse.hexclave.emulator.EmulatedUser;
import io.quarkiverse.hexclave.emulator.HexclaveEmulator;
import io.quarkiverse.hexclave.emulator.NewUser;
import io.quarkiverse.hexclave.verifier.Challenge;
import io.quarkiverse.hexclave.verifier.RejectionReason;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The application end to end against the emulator: what a user of the extension gets with zero configuration. */
@QuarkusTest
@QuarkusTestResource(EmulatorResource.class)
class HexclaveSecurityTest {

    HexclaveEmulator emulator;
    WireMockServer hexclaveCalls;

    private EmulatedUser newUser() {
        return emulator.createUser(NewUser.withEmail("grace-" + System.nanoTime() + "@example.com")
                .displayName("Grace Hopper").build());
    }

    @Test
    void everyCredentialFormatAuthenticates() {
        EmulatedUser user = newUser();
        String token = emulator.mintAccessToken(user);
        String authJson = "{\"accessToken\":\"" + token + "\",\"refreshToken\":\"rt\"}";
        String b64 = Base64.getEncoder().encodeToString(authJson.getBytes(StandardCharsets.UTF_8));
        String expected = "hello " + user.id();

        given().auth().oauth2(token).get("/greet").then().statusCode(200).body(equalTo(expected));
        given().header("Authorization", "Bearer stackauth_" + b64).get("/greet").then().statusCode(200).body(equalTo(expected));
        given().header("Authorization", "Bearer hexclave_" + b64).get("/greet").then().statusCode(200).body(equalTo(expected));
        given().header("x-hexclave-access-token", token).get("/greet").then().statusCode(200).body(equalTo(expected));
        given().header("x-stack-access-token", token).get("/greet").then().statusCode(200).body(equalTo(expected));
        given().header("x-stack-auth", authJson).get("/greet").then().statusCode(200).body(equalTo(expected));
        var session = emulator.createSession(user.id());
        given().cookie("hexclave-access", URLEncoder.encode("[\"" + session.refreshToken() + "\",\"" + session.accessToken()
                + "\"]", StandardCharsets.UTF_8))
                .cookie("hexclave-refresh-" + emulator.projectId() + "--default", URLEncoder.encode("{\"refresh_token\":\""
                        + session.refreshToken() + "\",\"updated_at_millis\":1}", StandardCharsets.UTF_8))
                .get("/greet").then().statusCode(200).body(equalTo(expected));
    }

    @Test
    void missingCredentialGetsBearerChallenge() {
        given().get("/greet").then().statusCode(401).header("WWW-Authenticate", equalTo("Bearer")).body(emptyString());
    }

    @ParameterizedTest
    @ValueSource(strings = { "EXPIRED", "NOT_YET_VALID", "WRONG_ISSUER", "WRONG_AUDIENCE", "BAD_SIGNATURE", "UNKNOWN_KEY",
            "ALGORITHM_NOT_ALLOWED", "FORBIDDEN_HEADER", "MISSING_CLAIM", "WRONG_BRANCH", "INCONSISTENT_CLAIMS",
            "MALFORMED", "ENCRYPTED" })
    void everyRejectionReasonGets401WithItsChallenge(String reasonName) {
        RejectionReason reason = RejectionReason.valueOf(reasonName);
        var b = emulator.token(newUser());
        String token = switch (reason) {
            case EXPIRED -> b.issuedAt(Instant.now().minus(Duration.ofMinutes(30))).expiresIn(Duration.ofMinutes(10)).mint();
            case NOT_YET_VALID -> b.issuedAt(Instant.now().plus(Duration.ofMinutes(10))).mint();
            case WRONG_ISSUER -> b.issuerOrigin("https://evil.example.com").mint();
            case WRONG_AUDIENCE -> b.audience("0b7e4bd5-7f45-4c8b-9f3f-6c1f0e6f9a11").mint();
            case BAD_SIGNATURE -> b.signWithForeignKey().mint();
            case UNKNOWN_KEY -> b.kid("AAAAAAAAAAAA").mint();
            case ALGORITHM_NOT_ALLOWED -> b.algorithm("none").mint();
            case FORBIDDEN_HEADER -> b.header("x5u", "https://evil.example.com/cert.pem").mint();
            case MISSING_CLAIM -> b.removeClaim("exp").mint();
            case WRONG_BRANCH -> b.claim("branch_id", "feature").mint();
            case INCONSISTENT_CLAIMS -> b.claim("is_anonymous", true).mint();
            case MALFORMED -> "eyJub3Q.eyJub3Q.c2ln";
            case ENCRYPTED -> "eyJhbGciOiJSU0EtT0FFUCIsImVuYyI6IkEyNTZHQ00ifQ.a.b.c.d";
            default -> throw new IllegalArgumentException(reasonName);
        };
        given().header("x-hexclave-access-token", token).get("/greet")
                .then().statusCode(401).header("WWW-Authenticate", equalTo(Challenge.unauthorized(reason).wwwAuthenticate())).body(emptyString());
    }

    @Test
    void restrictedUserOnlyReachesOnboarding() {
        EmulatedUser restricted = emulator.createUser(NewUser.withEmail("r-" + System.nanoTime() + "@example.com")
                .restrictedByAdmin("pending review").build());
        String token = emulator.mintAccessToken(restricted);
        given().auth().oauth2(token).get("/onboarding").then().statusCode(200).body(equalTo("finish onboarding"));
        given().auth().oauth2(token).get("/greet").then().statusCode(401)
                .header("WWW-Authenticate", equalTo(Challenge.unauthorized(RejectionReason.RESTRICTED_USER_NOT_ALLOWED).wwwAuthenticate()));
        given().auth().oauth2(emulator.mintAccessToken(newUser())).get("/onboarding")
                .then().statusCode(200).body(equalTo("all done"));
    }

    @Test
    void rolesComeFromTheUserClass() {
        given().auth().oauth2(emulator.mintAccessToken(newUser())).get("/greet/roles")
                .then().statusCode(200).body(equalTo("authenticated"));
    }

    @Test
    void jsonWebTokenAndClaimsAreInjected() {
        EmulatedUser user = newUser();
        given().auth().oauth2(emulator.mintAccessToken(user)).get("/greet/token")
                .then().statusCode(200)
                .body(equalTo(user.id() + "|" + user.primaryEmail() + "|[" + emulator.projectId() + "]"));
    }

    @Test
    void hexclaveUserGivesClaimsWithoutCallingHexclave() {
        EmulatedUser user = newUser();
        String token = emulator.mintAccessToken(user);
        given().auth().oauth2(token).get("/me").then().statusCode(200)
                .body(equalTo(user.id() + "|Grace Hopper|NORMAL"));
        assertThat(profileCalls(user)).isZero();
    }

    @Test
    void profileIsFetchedOncePerRequest() {
        EmulatedUser user = newUser();
        String token = emulator.mintAccessToken(user);
        given().auth().oauth2(token).get("/me/profile").then().statusCode(200)
                .body(equalTo("Grace Hopper|" + user.primaryEmail()));
        assertThat(profileCalls(user)).isEqualTo(1);
        given().auth().oauth2(token).get("/me/profile").then().statusCode(200);
        assertThat(profileCalls(user)).isEqualTo(2);
    }

    @Test
    void injectedClientCallsHexclave() {
        EmulatedUser user = newUser();
        given().auth().oauth2(emulator.mintAccessToken(newUser())).get("/admin/users/" + user.id())
                .then().statusCode(200).body(equalTo("Grace Hopper"));
    }

    @Test
    void authenticatedResponsesAreMarkedPrivate() {
        String token = emulator.mintAccessToken(newUser());
        given().auth().oauth2(token).get("/greet").then().statusCode(200)
                .header("Cache-Control", equalTo("private, no-store"));
        given().auth().oauth2(token).get("/greet/cacheable").then().statusCode(200)
                .header("Cache-Control", equalTo("private, max-age=30"));
        given().get("/greet/public").then().statusCode(200).header("Cache-Control", org.hamcrest.Matchers.nullValue());
    }

    private int profileCalls(EmulatedUser user) {
        return hexclaveCalls.countRequestsMatching(
                getRequestedFor(urlPathEqualTo("/api/v1/users/" + user.id())).build()).getCount();
    }
}
