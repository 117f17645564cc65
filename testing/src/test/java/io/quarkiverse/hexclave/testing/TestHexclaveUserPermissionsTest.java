package io.quarkiverse.hexclave.testing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** {@code @TestHexclaveUser} grants project permissions and creates teams with team permissions in the emulator. */
@QuarkusTest
class TestHexclaveUserPermissionsTest {

    @Inject
    HexclaveTestTokens tokens;

    @Test
    @TestHexclaveUser(projectPermissions = "admin")
    void projectPermissionIsARole() {
        given().get("/authz/reports").then().statusCode(200); // admin contains reports_read
    }

    @Test
    @TestHexclaveUser
    void withoutPermissionsTheRoleCheckFails() {
        given().get("/authz/reports").then().statusCode(403);
    }

    @Test
    @TestHexclaveUser(teams = { @TestTeam(name = "Acme", permissions = { "docs_read", "docs_write" }, selected = true),
            @TestTeam(name = "Other") })
    void teamsWithPermissionsAndASelectedTeam() {
        given().get("/authz/teams/" + tokens.teamId("Acme") + "/docs").then().statusCode(200);
        given().get("/authz/teams/" + tokens.teamId("Other") + "/docs").then().statusCode(403);
        given().get("/authz/selected/write").then().statusCode(200);
        assertThatThrownBy(() -> tokens.teamId("Nope")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    @TestHexclaveUser(teams = @TestTeam(name = "Acme", permissions = "docs_read"))
    void unselectedTeamGivesNoSelectedTeamPermission() {
        given().get("/authz/teams/" + tokens.teamId("Acme") + "/docs").then().statusCode(200);
        given().get("/authz/selected/write").then().statusCode(403);
    }
}
