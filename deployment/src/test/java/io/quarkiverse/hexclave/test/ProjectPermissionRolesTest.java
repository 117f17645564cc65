package io.quarkiverse.hexclave.test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/**
 * Hexclave project permissions are roles with zero configuration: {@code @RolesAllowed("admin")} passes for a holder of
 * {@code admin} (or of a permission containing it), 403 otherwise; one Hexclave call per user per cache lifetime, none
 * for endpoints needing built-in roles only, never on the event loop; Hexclave down answers 503, never a pass.
 */
class ProjectPermissionRolesTest {

    @RegisterExtension
    static final QuarkusUnitTest app = HexclaveTestApp.create("authorization",
            logs -> assertThat(logs)
                    .filteredOn(r -> String.valueOf(r.getMessage()).startsWith("Loading the Hexclave "))
                    .isNotEmpty()
                    .noneMatch(r -> String.valueOf(r.getParameters()[0]).contains("eventloop")),
            PermissionRolesEndpoint.class, GreetingEndpoint.class, ClassLevelAdminEndpoint.class)
            .overrideRuntimeConfigKey("quarkus.hexclave.secret-server-key", SharedEmulator.secretServerKey());

    @BeforeAll
    static void definePermissions() {
        SharedEmulator.admin("define-project reports_read");
        SharedEmulator.admin("define-project auditor");
        SharedEmulator.admin("define-project admin reports_read");
    }

    @AfterEach
    void reset() {
        SharedEmulator.fault("reset");
    }

    /** A fresh user holding {@code permissions}; returns their token. */
    private static String userWith(String... permissions) {
        String[] userAndToken = SharedEmulator.userAndToken();
        for (String permission : permissions) {
            SharedEmulator.admin("grant-project " + userAndToken[0] + " " + permission);
        }
        return userAndToken[1];
    }

    @Test
    void holderOfThePermissionPassesAndOthersGet403() {
        given().auth().oauth2(userWith("admin")).get("/perm/admin").then().statusCode(200).body(equalTo("admin area"));
        given().auth().oauth2(userWith()).get("/perm/admin").then().statusCode(403).body(emptyString());
        given().auth().oauth2(userWith("auditor")).get("/perm/admin").then().statusCode(403);
    }

    @Test
    void containedPermissionPassesThroughItsContainer() {
        String admin = userWith("admin");
        given().auth().oauth2(admin).get("/perm/reports").then().statusCode(200);
        String reader = userWith("reports_read");
        given().auth().oauth2(reader).get("/perm/reports").then().statusCode(200);
        given().auth().oauth2(reader).get("/perm/admin").then().statusCode(403);
        given().auth().oauth2(userWith("auditor")).get("/perm/reports").then().statusCode(200); // any listed role
    }

    @Test
    void classLevelRoleAppliesToMethodsWithoutTheirOwn() {
        String reader = userWith("reports_read");
        long before = SharedEmulator.projectPermissionCalls();
        given().auth().oauth2(reader).get("/class-admin").then().statusCode(403);
        given().auth().oauth2(reader).get("/class-admin/reports").then().statusCode(200);
        given().auth().oauth2(userWith("admin")).get("/class-admin").then().statusCode(200);
        given().get("/class-admin/open").then().statusCode(200); // @PermitAll: no token, no call
        assertThat(SharedEmulator.projectPermissionCalls() - before).isEqualTo(2);
    }

    @Test
    void noTokenGets401() {
        given().get("/perm/admin").then().statusCode(401);
    }

    @Test
    void oneCallPerUserWhateverTheNumberOfChecks() {
        String admin = userWith("admin");
        String other = userWith();
        long before = SharedEmulator.projectPermissionCalls();
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(admin).get("/perm/admin").then().statusCode(200);
            given().auth().oauth2(admin).get("/perm/reports").then().statusCode(200);
            given().auth().oauth2(other).get("/perm/admin").then().statusCode(403);
        }
        assertThat(SharedEmulator.projectPermissionCalls() - before).isEqualTo(2);
    }

    @Test
    void concurrentFirstRequestsOfAUserShareOneCall() throws Exception {
        String admin = userWith("admin");
        long before = SharedEmulator.projectPermissionCalls();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<CompletableFuture<Integer>> calls = IntStream.range(0, 8)
                    .mapToObj(i -> CompletableFuture.supplyAsync(
                            () -> given().auth().oauth2(admin).get("/perm/admin").statusCode(), pool))
                    .toList();
            for (CompletableFuture<Integer> call : calls) {
                assertThat(call.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(SharedEmulator.projectPermissionCalls() - before).isEqualTo(1);
    }

    @Test
    void endpointsNeedingOnlyBuiltInRolesCostNoCall() {
        String token = userWith("admin");
        long before = SharedEmulator.projectPermissionCalls();
        given().auth().oauth2(token).get("/perm/authenticated").then().statusCode(200);
        given().auth().oauth2(token).get("/perm/builtin-role").then().statusCode(200);
        given().auth().oauth2(token).get("/perm/public").then().statusCode(200);
        given().auth().oauth2(token).get("/greet").then().statusCode(200);
        given().auth().oauth2(token).get("/greet/roles").then().statusCode(200).body(equalTo("authenticated"));
        assertThat(SharedEmulator.projectPermissionCalls() - before).isZero();
    }

    @Test
    void nonBlockingEndpointLoadsPermissionsOffTheEventLoop() {
        // the app's log check asserts no load ran on an event-loop thread
        given().auth().oauth2(userWith("admin")).get("/perm/admin-reactive").then().statusCode(200)
                .body(equalTo("admin reactive"));
        given().auth().oauth2(userWith()).get("/perm/admin-reactive").then().statusCode(403);
    }

    @Test
    void deletedUserHoldsNoPermission() {
        String[] userAndToken = SharedEmulator.userAndToken();
        SharedEmulator.admin("grant-project " + userAndToken[0] + " admin");
        SharedEmulator.deleteUser(userAndToken[0]);
        given().auth().oauth2(userAndToken[1]).get("/perm/admin").then().statusCode(403);
    }

    @Test
    void hexclaveDownAnswersUnavailableNeverAPassNorA500() {
        String admin = userWith("admin");
        given().auth().oauth2(admin).get("/perm/authenticated").then().statusCode(200); // keys now cached
        SharedEmulator.admin("api-status 503");
        given().auth().oauth2(admin).get("/perm/admin")
                .then().statusCode(503).header("Retry-After", equalTo("10")).body(emptyString());
        given().auth().oauth2(admin).get("/perm/authenticated").then().statusCode(200); // no call needed: unaffected
        SharedEmulator.fault("reset");
        given().auth().oauth2(admin).get("/perm/admin").then().statusCode(200); // failures are not cached
    }
}
