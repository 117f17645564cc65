package io.quarkiverse.hexclave.test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/**
 * Team-scoped checks: {@code @PermissionsAllowed} with {@code HexclaveTeamPermission} (team from a path parameter) and
 * {@code SelectedTeamPermission} (team from the token), and {@code HexclaveAuthorization}; one team-permission call per
 * user per cache lifetime, off the event loop; Hexclave down answers 503.
 */
class TeamPermissionsTest {

    @RegisterExtension
    static final QuarkusUnitTest app = HexclaveTestApp.create("authorization",
            logs -> assertThat(logs)
                    .filteredOn(r -> String.valueOf(r.getMessage()).startsWith("Loading the Hexclave "))
                    .isNotEmpty()
                    .noneMatch(r -> String.valueOf(r.getParameters()[1]).contains("eventloop")),
            TeamPermissionsEndpoint.class)
            .overrideRuntimeConfigKey("quarkus.hexclave.secret-server-key", SharedEmulator.secretServerKey());

    private static String teamA;
    private static String teamB;

    @BeforeAll
    static void defineTeamsAndPermissions() {
        SharedEmulator.admin("define-team docs_read");
        SharedEmulator.admin("define-team docs_write");
        SharedEmulator.admin("define-team docs_admin docs_read docs_write");
        SharedEmulator.admin("define-project reports_read");
        SharedEmulator.admin("define-project admin reports_read");
        teamA = SharedEmulator.admin("create-team Alpha-" + System.nanoTime());
        teamB = SharedEmulator.admin("create-team Beta-" + System.nanoTime());
    }

    @AfterEach
    void reset() {
        SharedEmulator.fault("reset");
    }

    /** A fresh user holding {@code permissions} in {@code team}, with {@code selected} selected; returns their token. */
    private static String member(String team, String selected, String... permissions) {
        String user = SharedEmulator.userAndToken()[0];
        SharedEmulator.admin("add-member " + team + " " + user);
        for (String permission : permissions) {
            SharedEmulator.admin("grant-team " + team + " " + user + " " + permission);
        }
        if (selected != null) {
            SharedEmulator.admin("select-team " + user + " " + selected);
        }
        return SharedEmulator.admin("token " + user);
    }

    private static long teamPermissionCalls() {
        return Long.parseLong(SharedEmulator.admin("count GET /api/v1/team-permissions"));
    }

    @Test
    void pathParameterTeamPassesOnlyInThatTeam() {
        String reader = member(teamA, null, "docs_read");
        given().auth().oauth2(reader).get("/team/" + teamA + "/docs").then().statusCode(200)
                .body(equalTo("docs of " + teamA));
        given().auth().oauth2(reader).get("/team/" + teamB + "/docs").then().statusCode(403).body(emptyString());
        given().auth().oauth2(member(teamA, null)).get("/team/" + teamA + "/docs").then().statusCode(403);
        given().get("/team/" + teamA + "/docs").then().statusCode(401);
    }

    @Test
    void containedTeamPermissionPasses() {
        given().auth().oauth2(member(teamA, null, "docs_admin")).get("/team/" + teamA + "/docs").then().statusCode(200);
    }

    @Test
    void selectedTeamComesFromTheToken() {
        given().auth().oauth2(member(teamA, teamA, "docs_read")).get("/team/selected/docs").then().statusCode(200);
        given().auth().oauth2(member(teamA, null, "docs_read")).get("/team/selected/docs").then().statusCode(403);
        String readerOfAWhoSelectedB = member(teamA, null, "docs_read");
        // the same user, a member of team B too, selects B: wrong team
        String user = SharedEmulator.userAndToken()[0];
        SharedEmulator.admin("add-member " + teamA + " " + user);
        SharedEmulator.admin("grant-team " + teamA + " " + user + " docs_read");
        SharedEmulator.admin("add-member " + teamB + " " + user);
        SharedEmulator.admin("select-team " + user + " " + teamB);
        given().auth().oauth2(SharedEmulator.admin("token " + user)).get("/team/selected/docs").then().statusCode(403);
        given().auth().oauth2(readerOfAWhoSelectedB).get("/team/" + teamA + "/docs").then().statusCode(200);
    }

    @Test
    void oneTeamPermissionCallPerUserWhateverTheNumberOfChecks() {
        String writer = member(teamA, teamA, "docs_admin");
        long before = teamPermissionCalls();
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(writer).get("/team/" + teamA + "/docs").then().statusCode(200);
            given().auth().oauth2(writer).get("/team/" + teamB + "/docs").then().statusCode(403);
            given().auth().oauth2(writer).get("/team/selected/docs").then().statusCode(200);
            given().auth().oauth2(writer).get("/team/" + teamA + "/write").then().statusCode(200);
            given().auth().oauth2(writer).get("/team/" + teamA + "/write-reactive").then().statusCode(200);
        }
        assertThat(teamPermissionCalls() - before).isEqualTo(1);
    }

    @Test
    void programmaticChecks() {
        String writer = member(teamA, teamA, "docs_write");
        given().auth().oauth2(writer).get("/team/" + teamA + "/write").then().statusCode(200);
        given().auth().oauth2(writer).get("/team/" + teamB + "/write").then().statusCode(403);
        given().auth().oauth2(writer).get("/team/" + teamA + "/write-reactive").then().statusCode(200);
        given().auth().oauth2(writer).get("/team/" + teamB + "/write-reactive").then().statusCode(403);
        given().auth().oauth2(writer).get("/team/selected/write").then().statusCode(200).body(equalTo("true"));
        given().auth().oauth2(member(teamA, null, "docs_write")).get("/team/selected/write").then().body(equalTo("false"));
    }

    @Test
    void teamsOfTheUserAndProjectPermission() {
        String user = SharedEmulator.userAndToken()[0];
        SharedEmulator.admin("add-member " + teamA + " " + user);
        SharedEmulator.admin("add-member " + teamB + " " + user);
        SharedEmulator.admin("grant-project " + user + " admin");
        String token = SharedEmulator.admin("token " + user);
        String names = given().auth().oauth2(token).get("/team/mine").then().statusCode(200).extract().asString();
        assertThat(names.split(",")).hasSize(2).allMatch(n -> n.startsWith("Alpha-") || n.startsWith("Beta-"));
        given().auth().oauth2(token).get("/team/project/reports_read").then().statusCode(200).body(equalTo("true"));
        given().auth().oauth2(token).get("/team/project/auditor").then().statusCode(200).body(equalTo("false"));
        given().auth().oauth2(SharedEmulator.normalToken()).get("/team/mine").then().statusCode(200).body(emptyString());
    }

    @Test
    void hexclaveDownAnswersUnavailable() {
        String reader = member(teamA, teamA, "docs_read");
        SharedEmulator.normalToken(); // keys cached by earlier tests; make sure the next requests need no JWKS
        given().auth().oauth2(reader).get("/team/mine").then().statusCode(200); // verifies the token, caches keys
        SharedEmulator.admin("api-status 503");
        given().auth().oauth2(reader).get("/team/" + teamA + "/docs")
                .then().statusCode(503).header("Retry-After", equalTo("10")).body(emptyString());
        given().auth().oauth2(reader).get("/team/" + teamA + "/write").then().statusCode(503);
        SharedEmulator.fault("reset");
        given().auth().oauth2(reader).get("/team/" + teamA + "/docs").then().statusCode(200);
    }
}
