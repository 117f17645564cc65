package io.quarkiverse.hexclave.it;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesRegex;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkiverse.hexclave.testing.TestHexclaveUser;
import io.quarkiverse.hexclave.testing.TestTeam;
import io.quarkiverse.hexclave.verifier.UserClass;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * {@code @TestHexclaveUser} against the packaged application in its own process: the user is created, and the token
 * minted, in the Dev Services emulator that this test's JVM started and the application was configured to trust.
 */
@QuarkusIntegrationTest
@TestProfile(DevServicesTestUserIT.DevServices.class)
class DevServicesTestUserIT {

    /** The Dev Services emulator instead of the module's own test resource, with the permissions the tests grant. */
    public static class DevServices implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.hexclave.devservices.enabled", "true",
                    "quarkus.hexclave.devservices.project-permission-contains.admin", "reports_read",
                    "quarkus.hexclave.devservices.team-permissions", "reports_write");
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }
    }

    @Test
    @TestHexclaveUser(email = "ada-it@example.com", displayName = "Ada")
    void theUserIsSignedInAtThePackagedApplication() {
        given().get("/me").then().statusCode(200).body(matchesRegex("[0-9a-f-]{36}\\|Ada\\|NORMAL"));
        // The application loads the profile from the same emulator
        given().get("/me/profile").then().statusCode(200).body(equalTo("Ada|ada-it@example.com"));
    }

    @Test
    void unannotatedTestSendsNoToken() {
        given().get("/me").then().statusCode(401);
    }

    @Test
    @TestHexclaveUser(userClass = UserClass.RESTRICTED)
    void restrictedUserOnlyWhereAdmitted() {
        given().get("/me").then().statusCode(401)
                .header("WWW-Authenticate", containsString("restricted users are not allowed"));
        given().get("/onboarding").then().statusCode(200).body(equalTo("finish onboarding"));
    }

    @Test
    @TestHexclaveUser(projectPermissions = "admin")
    void projectPermissionGrantedInTheEmulatorIsARole() {
        given().get("/reports").then().statusCode(200).body(equalTo("reports")); // admin contains reports_read
    }

    @Test
    @TestHexclaveUser
    void withoutThePermissionTheRoleCheckFails() {
        given().get("/reports").then().statusCode(403);
    }

    @Test
    @TestHexclaveUser(teams = @TestTeam(name = "Acme", permissions = "reports_write", selected = true))
    void teamPermissionInTheSelectedTeam() {
        given().get("/reports/team").then().statusCode(200).body(equalTo("team reports"));
    }

    @Test
    @TestHexclaveUser(teams = @TestTeam(name = "Acme", permissions = "reports_write"))
    void teamPermissionOutsideTheSelectedTeamDoesNotCount() {
        given().get("/reports/team").then().statusCode(403);
    }
}
