package io.quarkiverse.hexclave.test;

import static io.restassured.RestAssured.given;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.hexclave.docs.authorization.AdminResource;
import io.quarkiverse.hexclave.docs.authorization.TeamDocsResource;
import io.quarkus.test.QuarkusUnitTest;

/** The worked example of the authorization page (docs/modules/ROOT/examples/quarkus) behaves as the page says. */
class AuthorizationDocsExampleTest {

    @RegisterExtension
    static final QuarkusUnitTest app = HexclaveTestApp.create("authorization", AdminResource.class,
            TeamDocsResource.class)
            .overrideRuntimeConfigKey("quarkus.hexclave.secret-server-key", SharedEmulator.secretServerKey());

    private static String acme;
    private static String other;

    @BeforeAll
    static void define() {
        SharedEmulator.admin("define-project reports_read");
        SharedEmulator.admin("define-project auditor");
        SharedEmulator.admin("define-project admin reports_read");
        SharedEmulator.admin("define-team docs_read");
        SharedEmulator.admin("define-team docs_write");
        acme = SharedEmulator.admin("create-team Acme");
        other = SharedEmulator.admin("create-team Other");
    }

    @Test
    void adminEndpoint() {
        String[] admin = SharedEmulator.userAndToken();
        SharedEmulator.admin("grant-project " + admin[0] + " admin");
        given().auth().oauth2(admin[1]).get("/admin").then().statusCode(200);
        given().auth().oauth2(admin[1]).get("/admin/reports").then().statusCode(200); // admin contains reports_read
        String[] auditor = SharedEmulator.userAndToken();
        SharedEmulator.admin("grant-project " + auditor[0] + " auditor");
        given().auth().oauth2(auditor[1]).get("/admin/reports").then().statusCode(200);
        given().auth().oauth2(auditor[1]).get("/admin").then().statusCode(403);
        given().get("/admin").then().statusCode(401);
    }

    @Test
    void teamScopedEndpoints() {
        String user = SharedEmulator.userAndToken()[0];
        SharedEmulator.admin("add-member " + acme + " " + user);
        SharedEmulator.admin("grant-team " + acme + " " + user + " docs_read");
        SharedEmulator.admin("grant-team " + acme + " " + user + " docs_write");
        SharedEmulator.admin("add-member " + other + " " + user);
        String noSelectedTeam = SharedEmulator.admin("token " + user);
        given().auth().oauth2(noSelectedTeam).get("/teams/" + acme + "/docs").then().statusCode(200);
        given().auth().oauth2(noSelectedTeam).get("/teams/" + other + "/docs").then().statusCode(403);
        given().auth().oauth2(noSelectedTeam).get("/my-team/docs").then().statusCode(403);
        given().auth().oauth2(noSelectedTeam).body("x").put("/teams/" + acme + "/docs/d1").then().statusCode(200);
        given().auth().oauth2(noSelectedTeam).body("x").put("/teams/" + other + "/docs/d1").then().statusCode(403);

        SharedEmulator.admin("select-team " + user + " " + acme);
        given().auth().oauth2(SharedEmulator.admin("token " + user)).get("/my-team/docs").then().statusCode(200);
    }
}
