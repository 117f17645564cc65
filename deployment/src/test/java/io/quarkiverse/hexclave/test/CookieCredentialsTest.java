package io.quarkiverse.hexclave.test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusUnitTest;

/** The opt-in {@code cookie} credential source, enabled by {@code quarkus.hexclave.credential-sources}. */
class CookieCredentialsTest {

    @RegisterExtension
    static final QuarkusUnitTest app = HexclaveTestApp.create("cookie", GreetingEndpoint.class);

    @Test
    void sameSiteCookiesAreAccepted() {
        String[] user = SharedEmulator.userAndToken();
        String refresh = "refresh-token-1";
        String access = URLEncoder.encode("[\"" + refresh + "\",\"" + user[1] + "\"]", StandardCharsets.UTF_8);
        String refreshCookie = URLEncoder.encode("{\"refresh_token\":\"" + refresh + "\",\"updated_at_millis\":1}",
                StandardCharsets.UTF_8);
        given().cookie("hexclave-access", access)
                .cookie("hexclave-refresh-" + SharedEmulator.projectId() + "--default", refreshCookie)
                .get("/greet")
                .then().statusCode(200).body(equalTo("hello " + user[0]));
    }

    @Test
    void accessCookieOfAnotherSessionIsIgnored() {
        String[] user = SharedEmulator.userAndToken();
        String access = URLEncoder.encode("[\"stale-refresh\",\"" + user[1] + "\"]", StandardCharsets.UTF_8);
        String refreshCookie = URLEncoder.encode("{\"refresh_token\":\"current\",\"updated_at_millis\":1}",
                StandardCharsets.UTF_8);
        given().cookie("hexclave-access", access)
                .cookie("hexclave-refresh-" + SharedEmulator.projectId() + "--default", refreshCookie)
                .get("/greet")
                .then().statusCode(401).header("WWW-Authenticate", equalTo("Bearer"));
    }
}
