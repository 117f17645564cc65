package io.quarkiverse.hexclave.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.patch;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.quarkiverse.hexclave.client.HexclaveStub.SECRET_SERVER_KEY;
import static io.quarkiverse.hexclave.client.HexclaveStub.USER_ID;
import static io.quarkiverse.hexclave.client.HexclaveStub.json;
import static io.quarkiverse.hexclave.client.HexclaveStub.knownError;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.http.Fault;

import io.quarkiverse.hexclave.cli.HexclaveCliLogin;
import io.quarkiverse.hexclave.client.model.CreateUserRequest;
import io.quarkiverse.hexclave.client.model.UpdateUserRequest;
import io.quarkiverse.hexclave.config.Secret;
import io.quarkiverse.hexclave.verifier.RestTokenVerifier;

/**
 * Runs calls that carry every kind of secret (secret server key, access token, refresh token, CLI polling code,
 * password) through successes, errors, retries and connection failures, with DEBUG logging on, and checks that no
 * secret reaches a log record, an exception message or a {@code toString()}.
 */
class SecretsNeverLeakTest {

    static {
        System.setProperty("org.jboss.logging.provider", "jdk");
    }

    private static final String PASSWORD = "pw-correct-horse-battery";
    private static final String REFRESH = "rt_refresh_SECRET_424242";
    private static final String POLLING = "pc_polling_SECRET_737373";

    private final HexclaveStub hexclave = new HexclaveStub();
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final Logger hexclaveLogger = Logger.getLogger("io.quarkiverse.hexclave");
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private Level previousLevel;

    @BeforeEach
    void captureLogs() {
        previousLevel = hexclaveLogger.getLevel();
        hexclaveLogger.setLevel(Level.ALL);
        capture.setLevel(Level.ALL);
        hexclaveLogger.addHandler(capture);
    }

    @AfterEach
    void stop() {
        hexclaveLogger.removeHandler(capture);
        hexclaveLogger.setLevel(previousLevel);
        hexclave.close();
    }

    @Test
    void noSecretInLogsExceptionsOrToString() {
        String access = HexclaveStub.accessToken();
        List<String> secrets = List.of(SECRET_SERVER_KEY, access, access.split("\\.")[1], REFRESH, POLLING, PASSWORD);
        List<String> texts = new ArrayList<>();

        hexclave.server.stubFor(get("/api/v1/users/me").willReturn(knownError(401, "ACCESS_TOKEN_EXPIRED")));
        hexclave.server.stubFor(get("/api/v1/users/" + USER_ID).willReturn(aResponse().withStatus(503)
                .withBody("upstream said " + access + " and " + SECRET_SERVER_KEY)));
        hexclave.server.stubFor(patch(urlEqualTo("/api/v1/users/" + USER_ID)).willReturn(HexclaveStub.json(400,
                "{\"code\":\"SCHEMA_ERROR\",\"error\":\"bad password " + PASSWORD + "\"}")));
        hexclave.server.stubFor(post("/api/v1/users").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        hexclave.server.stubFor(post("/api/v1/auth/sessions/current/refresh").willReturn(aResponse().withStatus(502)
                .withBody("{\"refresh_token\":\"" + REFRESH + "\"}")));
        hexclave.server.stubFor(post("/api/v1/auth/sessions").willReturn(json(200,
                "{\"refresh_token\":\"" + REFRESH + "\",\"access_token\":\"" + access + "\"}")));
        hexclave.server.stubFor(delete("/api/v1/auth/sessions/current").willReturn(json(200, "{\"success\":true}")));
        hexclave.server.stubFor(post("/api/v1/auth/cli").willReturn(json(200,
                "{\"polling_code\":\"" + POLLING + "\",\"login_code\":\"lc\",\"expires_at\":\"2030-01-01T00:00:00Z\"}")));
        hexclave.server.stubFor(post("/api/v1/auth/cli/poll").willReturn(json(201,
                "{\"status\":\"success\",\"refresh_token\":\"" + REFRESH + "\"}")));

        try (HexclaveClient client = hexclave.client()) {
            texts.add(client.toString());
            texts.add(client.settings().toString());
            collect(texts, () -> client.users().me(new Secret(access)));
            collect(texts, () -> client.users().get(USER_ID));
            collect(texts, () -> client.users().update(USER_ID, UpdateUserRequest.builder().password(PASSWORD).build()));
            collect(texts, () -> client.users().create(CreateUserRequest.builder().password(PASSWORD).build()));
            collect(texts, () -> client.sessions().refresh(new Secret(REFRESH)));
            texts.add(client.sessions().create(USER_ID).toString());
            client.sessions().signOut(new Secret(access));
            texts.add(CreateUserRequest.builder().password(PASSWORD).build().toString());
            texts.add(client.cliAuth().start(java.util.Optional.empty()).toString());
            texts.add(client.cliAuth().poll(new Secret(POLLING)).toString());

            ByteArrayOutputStream out = new ByteArrayOutputStream();
            texts.add(HexclaveCliLogin.builder(client, "https://app.example.com").output(new PrintStream(out))
                    .browser(u -> {
                    }).build().run().toString());
            texts.add(out.toString(StandardCharsets.UTF_8));

            RestTokenVerifier verifier = new RestTokenVerifier(client, Duration.ZERO, 1, java.time.Clock.systemUTC());
            texts.add(verifier.verify(access).toString());

            HexclaveRequest request = new HexclaveRequest("POST", java.net.URI.create(hexclave.apiUrl()),
                    java.util.Map.of("x-hexclave-secret-server-key", SECRET_SERVER_KEY, "x-hexclave-access-token", access,
                            "x-hexclave-refresh-token", REFRESH),
                    "{\"password\":\"" + PASSWORD + "\"}", Duration.ofSeconds(1));
            texts.add(request.toString());
            texts.add(new HexclaveResponse(200, java.util.Map.of(), "{\"refresh_token\":\"" + REFRESH + "\"}").toString());
        }

        SimpleFormatter formatter = new SimpleFormatter();
        List<String> logLines = records.stream().map(r -> formatter.format(r) + " " + r.getParameters()).toList();
        assertThat(logLines).as("positive control: DEBUG records of the client were captured")
                .anyMatch(l -> l.contains("/api/v1/users/me"));
        assertThat(logLines).as("positive control: retries were logged").anyMatch(l -> l.contains("retry"));
        for (String secret : secrets) {
            assertThat(logLines).noneMatch(l -> l.contains(secret));
            assertThat(texts).noneMatch(t -> t.contains(secret));
        }
    }

    private static void collect(List<String> texts, Runnable call) {
        try {
            call.run();
            throw new AssertionError("expected a failure");
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                texts.add(String.valueOf(t.getMessage()));
                texts.add(t.toString());
                if (t instanceof io.quarkiverse.hexclave.client.error.HexclaveApiException api) {
                    texts.add(api.details().toString());
                    api.serverMessage().ifPresent(m -> {
                        // the server's own text is opt-in (not in getMessage()); its excerpt still masks tokens
                        if (!m.contains("bad password")) {
                            texts.add(m);
                        }
                    });
                }
            }
        }
    }
}
