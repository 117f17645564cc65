package io.quarkiverse.hexclave.testing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkiverse.hexclave.config.HexclaveSettings;
import io.quarkiverse.hexclave.verifier.UserClass;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;

/**
 * {@code @TestSecurity} with {@link HexclaveSecurity}, in an application whose Hexclave is unreachable (a loopback port
 * nobody listens on, no Dev Services): every answer below is reached without a call to Hexclave, which would fail with
 * 503.
 */
@QuarkusTest
@TestProfile(HexclaveTestTokensWithoutDevServicesTest.LocalHexclave.class)
class HexclaveSecurityTest {

    @Inject
    HexclaveSettings settings;

    private String issuer(String suffix) {
        return settings.issuerOrigins().get(0) + "/api/v1/projects" + suffix + "/" + settings.projectId();
    }

    @Test
    @TestSecurity(user = "user-1")
    @HexclaveSecurity(email = "ada@example.com", displayName = "Ada", claims = {
            @HexclaveSecurity.Claim(key = "tier", value = "gold"),
            @HexclaveSecurity.Claim(key = "level", value = "3", type = HexclaveSecurity.Claim.Type.LONG) })
    void jsonWebTokenCarriesTheDescribedClaims() {
        given().get("/principal/jwt").then().statusCode(200).body(equalTo(String.join("|", "user-1", issuer(""),
                settings.projectId(), "ada@example.com", "Ada", "gold", "3", "authenticated")));
    }

    @Test
    @TestSecurity(user = "user-1")
    @HexclaveSecurity(email = "ada@example.com", emailVerified = false, displayName = "Ada", teams = {
            @HexclaveSecurity.Team(id = "acme", selected = true), @HexclaveSecurity.Team(id = "other") })
    void hexclaveUserIsTheSamePrincipalAndLoadsNoProfile() {
        given().get("/principal/user").then().statusCode(200).body(equalTo(String.join("|", "user-1",
                "ada@example.com", "false", "Ada", "acme", "NORMAL", settings.projectId(), "user-1", "false")));
    }

    @Test
    @TestSecurity(user = "plain-user")
    void plainTestSecurityGivesANormalHexclaveUserWithNothingElse() {
        given().get("/principal/user").then().statusCode(200).body(equalTo(String.join("|", "plain-user", "-",
                "false", "-", "-", "NORMAL", settings.projectId(), "plain-user", "false")));
        given().get("/authz/reports").then().statusCode(403);
        given().get("/principal/teams").then().statusCode(200).body(equalTo(""));
    }

    @Test
    @TestSecurity(user = "user-1", roles = "extra")
    void rolesOfTestSecurityAreKeptBesideTheHexclaveGroups() {
        given().get("/principal/roles").then().statusCode(200).body(equalTo("authenticated,extra"));
    }

    @Test
    @TestSecurity(user = "user-1", permissions = "see:detail", attributes = @SecurityAttribute(key = "team-size", value = "7"))
    void permissionsAndAttributesOfTestSecurityAreKept() {
        given().get("/principal/detail").then().statusCode(200);
        given().get("/principal/attributes").then().statusCode(200).body(equalTo("7|NORMAL"));
    }

    @Test
    @TestSecurity(user = "user-1")
    void withoutTheTestSecurityPermissionTheCheckFails() {
        given().get("/principal/detail").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "user-1")
    @HexclaveSecurity(projectPermissions = "reports_read")
    void declaredProjectPermissionPassesRolesAllowed() {
        given().get("/authz/reports").then().statusCode(200).body(equalTo("reports"));
        given().get("/principal/roles").then().statusCode(200).body(equalTo("authenticated"));
    }

    @Test
    @TestSecurity(user = "user-1")
    @HexclaveSecurity(projectPermissions = "admin")
    void permissionsAreTakenAsListedWithoutContainment() {
        given().get("/authz/reports").then().statusCode(403);
    }

    @Test
    @TestSecurity(user = "user-1", roles = "reports_read")
    void aRoleOfTestSecurityAlsoPasses() {
        given().get("/authz/reports").then().statusCode(200);
    }

    @Test
    @TestSecurity(user = "user-1")
    @HexclaveSecurity(teams = {
            @HexclaveSecurity.Team(id = "acme", displayName = "Acme", permissions = { "docs_read", "docs_write" }, selected = true),
            @HexclaveSecurity.Team(id = "other") })
    void teamPermissionsOfTheDeclaredTeams() {
        given().get("/authz/teams/acme/docs").then().statusCode(200);
        given().get("/authz/teams/other/docs").then().statusCode(403);
        given().get("/authz/selected/write").then().statusCode(200);
        given().get("/principal/teams").then().statusCode(200).body(equalTo("acme=Acme,other=other"));
        given().get("/principal/holds").then().statusCode(200).body(equalTo("false|true|true"));
    }

    @Test
    @TestSecurity(user = "user-1")
    @HexclaveSecurity(projectPermissions = "reports_read", teams = @HexclaveSecurity.Team(id = "acme", permissions = "docs_read"))
    void unselectedTeamGivesNoSelectedTeamPermission() {
        given().get("/authz/selected/write").then().statusCode(403);
        given().get("/principal/holds").then().statusCode(200).body(equalTo("true|true|false"));
    }

    @Test
    @TestSecurity(user = "restricted-1")
    @HexclaveSecurity(userClass = UserClass.RESTRICTED, email = "r@example.com")
    void restrictedUserIsRefusedUnlessTheEndpointAdmitsThem() {
        given().get("/whoami").then().statusCode(401)
                .header("WWW-Authenticate", containsString("restricted users are not allowed"));
        given().get("/whoami/restricted-welcome").then().statusCode(200).body(equalTo("restricted-1"));
        given().get("/principal/guest-welcome").then().statusCode(200).body(equalTo("restricted-1|RESTRICTED"));
    }

    @Test
    @TestSecurity(user = "guest-1")
    @HexclaveSecurity(userClass = UserClass.ANONYMOUS)
    void anonymousUserIsRefusedUnlessTheEndpointAdmitsThem() {
        given().get("/whoami").then().statusCode(401);
        given().get("/whoami/restricted-welcome").then().statusCode(401);
        given().get("/principal/guest-welcome").then().statusCode(200).body(equalTo("guest-1|ANONYMOUS"));
    }

    @Test
    @TestSecurity(user = "restricted-1")
    @HexclaveSecurity(userClass = UserClass.RESTRICTED)
    void restrictedUserHasNoAuthenticatedRole() {
        given().get("/principal/guest-welcome").then().statusCode(200);
        given().get("/principal/jwt").then().statusCode(401);
    }
}
