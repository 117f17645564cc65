package io.quarkiverse.hexclave.it.vthreads;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkiverse.hexclave.client.HexclaveClient;
import io.quarkiverse.hexclave.runtime.devservices.SignedInUser;
import io.quarkiverse.hexclave.testing.HexclaveTestTokens;
import io.quarkiverse.hexclave.testing.TestHexclaveUser;
import io.quarkiverse.hexclave.testing.TestTeam;
import io.quarkus.test.junit.QuarkusTest;

/** Each {@code @RunOnVirtualThread} endpoint answers from a virtual thread, and its checks still check. */
@QuarkusTest
class VirtualThreadEndpointsTest {

    @Inject
    HexclaveTestTokens tokens;

    @Inject
    HexclaveClient hexclave;

    @Test
    @TestHexclaveUser(projectPermissions = "admin", teams = @TestTeam(name = "Acme", permissions = { "docs_read",
            "docs_write" }))
    void profileClientAndPermissionChecksRunOnVirtualThreads() {
        SignedInUser me = tokens.requireCurrent();
        String team = tokens.teamId("Acme");
        given().get("/vt/profile").then().statusCode(200).body(equalTo("virtual|" + me.displayName().orElseThrow()));
        given().get("/vt/users/" + me.userId()).then().statusCode(200)
                .body(equalTo("virtual|" + me.email().orElseThrow()));
        given().get("/vt/reports").then().statusCode(200).body(equalTo("virtual|reports"));
        given().get("/vt/teams/" + team + "/docs").then().statusCode(200).body(equalTo("virtual|docs"));
        given().get("/vt/teams/" + team + "/can-write").then().statusCode(200).body(equalTo("virtual|true"));
    }

    @Test
    @TestHexclaveUser(teams = @TestTeam(name = "Acme"))
    void withoutPermissionsTheChecksRefuse() {
        String team = tokens.teamId("Acme");
        given().get("/vt/reports").then().statusCode(403);
        given().get("/vt/teams/" + team + "/docs").then().statusCode(403);
        given().get("/vt/teams/" + team + "/can-write").then().statusCode(200).body(equalTo("virtual|false"));
    }

    /** The permission cache is off in this application: every check asks Hexclave, as the pinning test relies on. */
    @Test
    @TestHexclaveUser(projectPermissions = "admin", teams = @TestTeam(name = "Acme", permissions = "docs_write"))
    void everyCheckAsksHexclave() {
        SignedInUser me = tokens.requireCurrent();
        String team = tokens.teamId("Acme");
        given().get("/vt/reports").then().statusCode(200);
        given().get("/vt/teams/" + team + "/can-write").then().statusCode(200).body(equalTo("virtual|true"));

        hexclave.projectPermissions().revoke(me.userId(), "admin");
        hexclave.teamPermissions().revoke(team, me.userId(), "docs_write");

        given().get("/vt/reports").then().statusCode(403);
        given().get("/vt/teams/" + team + "/can-write").then().statusCode(200).body(equalTo("virtual|false"));
    }

    @Test
    void withoutATokenTheEndpointsAnswer401() {
        given().get("/vt/profile").then().statusCode(401);
        given().get("/vt/reports").then().statusCode(401);
    }
}
