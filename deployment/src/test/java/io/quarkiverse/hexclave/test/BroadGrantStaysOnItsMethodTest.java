package io.quarkiverse.hexclave.test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.hexclave.verifier.Challenge;
import io.quarkiverse.hexclave.verifier.RejectionReason;
import io.quarkus.test.QuarkusUnitTest;

/**
 * A catch-all JAX-RS template ({@code {path: .+}}) annotated {@code @AllowAnonymousUsers} admits guests on that
 * resource method only: a Vert.x route, a static file and {@code /q/health} whose paths it also matches (each guarded
 * by {@code policy=authenticated}) refuse them, because grants are looked up by the resource method JAX-RS matched,
 * never by path.
 */
class BroadGrantStaysOnItsMethodTest {

    static final String ANONYMOUS_REFUSED = Challenge.unauthorized(RejectionReason.ANONYMOUS_USER_NOT_ALLOWED)
            .wwwAuthenticate();

    @RegisterExtension
    static final QuarkusUnitTest app = HexclaveTestApp.withArchive("user-class-routes",
            jar -> jar.addAsResource(new StringAsset("private page"), "META-INF/resources/private/page.html"),
            SpaFallbackEndpoint.class, VertxRoutes.class);

    @Test
    void guestReachesTheAnnotatedCatchAllMethod() {
        given().auth().oauth2(SharedEmulator.token(HostileToken.ANONYMOUS)).get("/some/client/route")
                .then().statusCode(200).body(equalTo("page some/client/route"));
    }

    @Test
    void guestIsRefusedOnAVertxRouteTheTemplateAlsoMatches() {
        given().auth().oauth2(SharedEmulator.token(HostileToken.ANONYMOUS)).get("/vertx/secret")
                .then().statusCode(401).header("WWW-Authenticate", equalTo(ANONYMOUS_REFUSED));
    }

    @Test
    void guestIsRefusedOnAGuardedStaticFile() {
        given().auth().oauth2(SharedEmulator.token(HostileToken.ANONYMOUS)).get("/private/page.html")
                .then().statusCode(401).header("WWW-Authenticate", equalTo(ANONYMOUS_REFUSED));
    }

    @Test
    void guestIsRefusedOnAGuardedHealthEndpoint() {
        given().auth().oauth2(SharedEmulator.token(HostileToken.ANONYMOUS)).get("/q/health")
                .then().statusCode(401).header("WWW-Authenticate", equalTo(ANONYMOUS_REFUSED));
    }

    @Test
    void normalUserPassesEveryGuard() {
        String[] user = SharedEmulator.userAndToken();
        given().auth().oauth2(user[1]).get("/vertx/secret").then().statusCode(200)
                .body(equalTo("secret for " + user[0]));
        given().auth().oauth2(user[1]).get("/private/page.html").then().statusCode(200);
        given().auth().oauth2(user[1]).get("/q/health").then().statusCode(200);
        given().auth().oauth2(user[1]).get("/some/route").then().statusCode(200).body(startsWith("page "));
    }
}
