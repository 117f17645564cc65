package io.quarkiverse.hexclave.it.frontend;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A frontend against Dev Services, as the "Local development with a frontend" page describes: the JS SDK in headless
 * Chromium signs up against the emulator Quarkus Dev Services started for this app (using the coordinates Dev Services
 * published: API URL, project id, publishable key), then calls the app's {@code @Authenticated} endpoint on another
 * origin with {@code getAuthorizationHeader()}: 200 with the signed-up user's id.
 */
@QuarkusTest
class QuarkusEndpointBrowserTest {

    @TestHTTPResource("/")
    URL app;

    @BeforeAll
    static void chromium() throws Exception {
        BrowserPage.requireChromium();
    }

    private static String config(String key) {
        return ConfigProvider.getConfig().getValue(key, String.class);
    }

    @Test
    void theSdksAuthorizationHeaderOpensAQuarkusEndpoint() throws Exception {
        String email = "quarkus-" + UUID.randomUUID() + "@example.com";
        String backend = app.toString().replaceAll("/$", "");
        try (BrowserPage page = new BrowserPage(Map.of("baseUrl", config("quarkus.hexclave.api-url"),
                "projectId", config("quarkus.hexclave.project-id"),
                "publishableClientKey", config("quarkus.hexclave.publishable-client-key"), "email", email,
                "backendUrl", backend))) {
            JsonNode r = page.open("127.0.0.1");
            assertThat(r.path("error").isMissingNode()).as(r.path("error").asText()).isTrue();
            assertThat(r.get("plainFetch").asInt()).isEqualTo(200);
            assertThat(r.get("backendStatus").asInt()).as(r.path("backendBody").asText()).isEqualTo(200);
            JsonNode me = BrowserPage.JSON.readTree(r.get("backendBody").asText());
            assertThat(me.get("sub").asText()).isEqualTo(r.get("userId").asText());
            assertThat(me.get("email").asText()).isEqualTo(email);
            assertThat(r.get("signedOut").asBoolean()).isTrue();
        }
    }
}
