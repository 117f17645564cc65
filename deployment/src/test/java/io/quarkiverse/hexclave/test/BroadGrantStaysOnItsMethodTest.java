package io.quarkiverse.hexclave.test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkiverse.hexclave.verifier.Challenge;
import io.quarkiverse.hexclave.verifier.RejectionReason;
import io.quarkus.test.QuarkusUnitTest;
import io.quarkus.test.common.http.TestHTTPResource;

/**
 * A catch-all JAX-RS template ({@code {path: .+}}) annotated {@code @AllowAnonymousUsers} admits guests on that
 * resource method only: a Vert.x route, a static file and {@code /q/health} whose paths it also matches (each guarded
 * by {@code policy=authenticated}), an {@code @Authenticated} reactive route ({@code @Route}) and the HTTP upgrade of
 * an {@code @Authenticated} {@code quarkus-websockets-next} endpoint refuse them, because grants are looked up by the
 * resource method JAX-RS matched, never by path.
 */
class BroadGrantStaysOnItsMethodTest {

    static final String ANONYMOUS_REFUSED = Challenge.unauthorized(RejectionReason.ANONYMOUS_USER_NOT_ALLOWED)
            .wwwAuthenticate();

    @RegisterExtension
    static final QuarkusUnitTest app = HexclaveTestApp.withArchive("user-class-routes",
            jar -> jar.addAsResource(new StringAsset("private page"), "META-INF/resources/private/page.html"),
            SpaFallbackEndpoint.class, VertxRoutes.class, ReactiveRoutes.class, SecretSocket.class);

    @TestHTTPResource("/ws/secret")
    URI socketUri;

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
    void guestIsRefusedOnAnAuthenticatedReactiveRoute() {
        given().auth().oauth2(SharedEmulator.token(HostileToken.ANONYMOUS)).get("/reactive/secret")
                .then().statusCode(401).header("WWW-Authenticate", equalTo(ANONYMOUS_REFUSED));
    }

    @Test
    void guestIsRefusedOnTheUpgradeOfAnAuthenticatedWebSocket() {
        Throwable refused = catchThrowable(() -> openSocket(SharedEmulator.token(HostileToken.ANONYMOUS), null));
        assertThat(refused).isInstanceOf(ExecutionException.class).cause()
                .isInstanceOf(WebSocketHandshakeException.class);
        var response = ((WebSocketHandshakeException) refused.getCause()).getResponse();
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("WWW-Authenticate")).hasValue(ANONYMOUS_REFUSED);
    }

    @Test
    void normalUserOpensTheAuthenticatedWebSocket() throws Exception {
        String[] user = SharedEmulator.userAndToken();
        CompletableFuture<String> greeting = new CompletableFuture<>();
        WebSocket socket = openSocket(user[1], greeting);
        try {
            assertThat(greeting.get(10, TimeUnit.SECONDS)).isEqualTo("socket secret for " + user[0]);
        } finally {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(10, TimeUnit.SECONDS);
        }
    }

    /** Opens {@link SecretSocket} with a bearer token (the JDK client); its first text message completes greeting. */
    private WebSocket openSocket(String token, CompletableFuture<String> greeting) throws Exception {
        URI uri = URI.create("ws" + socketUri.toString().substring("http".length()));
        WebSocket.Listener listener = new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                if (greeting != null) {
                    greeting.complete(data.toString());
                }
                return WebSocket.Listener.super.onText(webSocket, data, last);
            }
        };
        return HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token).buildAsync(uri, listener).get(10, TimeUnit.SECONDS);
    }

    @Test
    void normalUserPassesEveryGuard() {
        String[] user = SharedEmulator.userAndToken();
        given().auth().oauth2(user[1]).get("/vertx/secret").then().statusCode(200)
                .body(equalTo("secret for " + user[0]));
        given().auth().oauth2(user[1]).get("/reactive/secret").then().statusCode(200)
                .body(equalTo("reactive secret for " + user[0]));
        given().auth().oauth2(user[1]).get("/private/page.html").then().statusCode(200);
        given().auth().oauth2(user[1]).get("/q/health").then().statusCode(200);
        given().auth().oauth2(user[1]).get("/some/route").then().statusCode(200).body(startsWith("page "));
    }
}
