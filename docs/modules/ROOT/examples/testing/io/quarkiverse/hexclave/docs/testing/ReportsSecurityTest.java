package io.quarkiverse.hexclave.docs.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.quarkiverse.hexclave.testing.HexclaveSecurity;
import io.quarkiverse.hexclave.verifier.UserClass;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;

/**
 * The testing page's {@code @TestSecurity} example, compiled and run by the testing module against its test
 * application ({@code /authz/reports} is {@code @RolesAllowed("reports_read")}, {@code /authz/teams/{teamId}/docs}
 * is {@code @PermissionsAllowed("docs_read")} with {@code HexclaveTeamPermission}, {@code /whoami} is
 * {@code @Authenticated}).
 */
// tag::test-security[]
@QuarkusTest
class ReportsSecurityTest {

    @Test
    @TestSecurity(user = "user-1")                                                    // <1>
    @HexclaveSecurity(email = "ada@example.com", displayName = "Ada",               // <2>
            projectPermissions = "reports_read",                                      // <3>
            teams = @HexclaveSecurity.Team(id = "acme", permissions = "docs_read", selected = true)) // <4>
    void adaReadsTheReports() {
        given().get("/authz/reports").then().statusCode(200);
        given().get("/authz/teams/acme/docs").then().statusCode(200);
        given().get("/whoami/name").then().statusCode(200).body(equalTo("Ada <ada@example.com>"));
    }

    @Test
    @TestSecurity(user = "user-2")                                                    // <5>
    void aUserWithoutThePermissionIsRefused() {
        given().get("/authz/reports").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "guest-1")
    @HexclaveSecurity(userClass = UserClass.ANONYMOUS)                                // <6>
    void guestsOnlyWhereTheyAreAdmitted() {
        given().get("/whoami").then().statusCode(401);
    }
}
// end::test-security[]
