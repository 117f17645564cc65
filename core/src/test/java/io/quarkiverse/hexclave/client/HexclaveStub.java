package io.quarkiverse.hexclave.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import io.quarkiverse.hexclave.config.HexclaveSettings;

/**
 * A WireMock stand-in for Hexclave on 127.0.0.1 (dynamic port), with settings and clients pointing at it. Used for
 * the wire shape of every call and for faults the emulator cannot produce. Close it in {@code @AfterEach}.
 */
public final class HexclaveStub implements AutoCloseable {

    public static final String PROJECT_ID = "e0b52f4d-dece-408c-af49-d23061bb0f8d";
    public static final String SECRET_SERVER_KEY = "ssk_test_SUPERSECRETSERVERKEY123";
    public static final String PUBLISHABLE_KEY = "pck_test_publishable456";
    public static final String USER_ID = "3241a285-8329-4d69-8f3d-316e08cf140c";
    public static final String TEAM_ID = "7a1e5d10-8a52-4d2b-b3c5-0f8b1c7f3a21";

    public final WireMockServer server;
    /** Every back-off the client asked for, in order (the client never really sleeps in these tests). */
    public final List<Duration> delays = new CopyOnWriteArrayList<>();

    public HexclaveStub() {
        server = new WireMockServer(WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
        server.start();
    }

    public String apiUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    /** Server settings: project id, accepted issuer origin http://127.0.0.1, secret server key, no publishable key, 2 s connect and 10 s read timeouts (a loaded machine answers slowly; tests of timeouts set their own), 3 retries. */
    public HexclaveSettings.Builder settings() {
        // the stub's tokens are issued by http://127.0.0.1 (no port), see accessToken()
        return HexclaveSettings.builder(PROJECT_ID).apiUrl(apiUrl()).issuerOrigins(List.of("http://127.0.0.1"))
                .secretServerKey(SECRET_SERVER_KEY)
                .connectTimeout(Duration.ofSeconds(2)).readTimeout(Duration.ofSeconds(10)).maxRetries(3);
    }

    /** A client over the JDK transport (requests checked against the contract) whose retries record their delays instead of waiting. */
    public HexclaveClient client(HexclaveSettings settings) {
        RetryPolicy policy = RetryPolicy.defaults(settings.maxRetries()).withDelayer(d -> {
            delays.add(d);
            return CompletableFuture.completedFuture(null);
        });
        // Every request the client sends to the stub must match Hexclave's OpenAPI documents.
        return HexclaveClient.builder(settings).retryPolicy(policy)
                .transport(new ContractCheckingTransport(new JdkHttpTransport(settings.connectTimeout()), false)).build();
    }

    public HexclaveClient client() {
        return client(settings().build());
    }

    /** A client whose requests are not contract-checked: for tests that send what Hexclave would reject on purpose. */
    public HexclaveClient uncheckedClient() {
        return HexclaveClient.builder(settings().build()).build();
    }

    /** A JSON response with Hexclave's request-id headers. */
    public static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("content-type", "application/json; charset=utf-8")
                .withHeader("x-hexclave-request-id", "req-" + status).withHeader("x-stack-request-id", "req-" + status)
                .withBody(body);
    }

    /** A known error as Hexclave sends it. */
    public static ResponseDefinitionBuilder knownError(int status, String code) {
        return json(status, "{\"code\":\"" + code + "\",\"error\":\"Human text for " + code + "\"}")
                .withHeader("x-hexclave-known-error", code).withHeader("x-stack-known-error", code);
    }

    /** An unsigned JWT-shaped token with this JSON payload (REST verification never checks signatures locally). */
    public static String token(String payloadJson) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        return b64.encodeToString("{\"alg\":\"ES256\",\"kid\":\"k1\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(payloadJson.getBytes(StandardCharsets.UTF_8)) + ".c2lnbmF0dXJl";
    }

    /** A Hexclave-shaped access token for {@link #USER_ID}, expiring in an hour. */
    public static String accessToken() {
        long now = System.currentTimeMillis() / 1000;
        return token("{\"sub\":\"" + USER_ID + "\",\"iss\":\"http://127.0.0.1/api/v1/projects/" + PROJECT_ID
                + "\",\"aud\":\"" + PROJECT_ID + "\",\"iat\":" + now + ",\"exp\":" + (now + 3600)
                + ",\"project_id\":\"" + PROJECT_ID + "\",\"branch_id\":\"main\",\"refresh_token_id\":\"9a3b0c52-1f7e-4a38-9f0e-0c1d2e3f4a5b\","
                + "\"role\":\"authenticated\",\"name\":\"Ada\",\"email\":\"ada@example.com\",\"email_verified\":true,"
                + "\"selected_team_id\":null,\"is_anonymous\":false,\"is_restricted\":false,\"restricted_reason\":null}");
    }

    /** The full server view of {@link #USER_ID}, as in the wire reference §5.3, plus a field the client does not know. */
    /** A user as the client reads it from {@link #userJson}. */
    public static io.quarkiverse.hexclave.client.model.User user(String id, String displayName) {
        try {
            return Json.MAPPER.readValue(userJson(id, displayName), io.quarkiverse.hexclave.client.model.User.class);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String userJson(String id, String displayName) {
        return """
                {
                  "auth_with_email": true,
                  "client_metadata": {"theme": "dark"},
                  "client_read_only_metadata": null,
                  "country_code": "CH",
                  "display_name": %s,
                  "has_password": false,
                  "id": "%s",
                  "is_anonymous": false,
                  "is_restricted": false,
                  "last_active_at_millis": 1735603200000,
                  "oauth_providers": [{"id": "google", "account_id": "g-123", "email": null}],
                  "otp_auth_enabled": true,
                  "passkey_auth_enabled": false,
                  "primary_email": "ada@example.com",
                  "primary_email_auth_enabled": true,
                  "primary_email_verified": true,
                  "profile_image_url": null,
                  "requires_totp_mfa": false,
                  "restricted_by_admin": false,
                  "restricted_by_admin_private_details": null,
                  "restricted_by_admin_reason": null,
                  "restricted_reason": null,
                  "risk_scores": { "sign_up": { "bot": 3, "free_trial_abuse": 7 } },
                  "selected_team": {
                    "client_metadata": null,
                    "client_read_only_metadata": null,
                    "created_at_millis": 1735603200000,
                    "display_name": "Ada's Team",
                    "id": "%s",
                    "profile_image_url": null,
                    "server_metadata": {"plan": "pro"}
                  },
                  "selected_team_id": "%s",
                  "server_metadata": null,
                  "signed_up_at_millis": 1735603100000,
                  "some_future_field": {"nested": [1, 2, 3]}
                }
                """.formatted(displayName == null ? "null" : "\"" + displayName + "\"", id, TEAM_ID, TEAM_ID);
    }

    public static String userJson() {
        return userJson(USER_ID, "Ada");
    }

    @Override
    public void close() {
        server.stop();
    }
}
