package io.quarkiverse.hexclave.client;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.quarkiverse.hexclave.client.HexclaveStub.USER_ID;
import static io.quarkiverse.hexclave.client.HexclaveStub.json;
import static io.quarkiverse.hexclave.client.HexclaveStub.userJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkiverse.hexclave.config.HexclaveSettings;
import io.quarkiverse.hexclave.config.Secret;

/**
 * A key or token with a line break (a trailing newline from a file or an environment variable, a forged value) must
 * never reach an exception message: the JDK's own "invalid header value" error quotes the value.
 */
class HeaderValueSecretsTest {

    private static final String KEY = "ssk_test_LINEBREAKSECRET987";
    private static final String REFRESH = "rt_refresh_CRLF_SECRET_555";

    private final HexclaveStub hexclave = new HexclaveStub();

    @AfterEach
    void stop() {
        hexclave.close();
    }

    @Test
    void secretServerKeyGivenAsSecretIsStrippedLikeTheStringSetter() {
        hexclave.server.stubFor(get("/api/v1/users/" + USER_ID).willReturn(json(200, userJson())));
        HexclaveSettings settings = hexclave.settings().secretServerKey(new Secret(KEY + "\n")).build();

        assertThat(settings.secretServerKey()).hasValue(new Secret(KEY));
        try (HexclaveClient client = hexclave.client(settings)) {
            assertThat(client.users().get(USER_ID).id()).isEqualTo(USER_ID);
        }
        hexclave.server.verify(getRequestedFor(urlEqualTo("/api/v1/users/" + USER_ID))
                .withHeader("x-hexclave-secret-server-key", equalTo(KEY)));
    }

    @Test
    void keyWithAnInnerLineBreakFailsWithoutShowingIt() {
        HexclaveSettings settings = hexclave.settings().secretServerKey(new Secret(KEY + "\nX")).build();
        try (HexclaveClient client = hexclave.client(settings)) {
            Throwable e = catchThrowable(() -> client.users().get(USER_ID));

            assertThat(e).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("x-hexclave-secret-server-key");
            assertNoSecret(e, KEY);
        }
        assertThat(hexclave.server.getAllServeEvents()).as("nothing was sent").isEmpty();
    }

    @Test
    void refreshTokenWithCrLfFailsWithoutShowingIt() {
        try (HexclaveClient client = hexclave.client()) {
            Throwable e = catchThrowable(() -> client.sessions().refresh(new Secret(REFRESH + "\r\nx-evil: 1")));

            assertThat(e).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("x-hexclave-refresh-token");
            assertNoSecret(e, REFRESH);
        }
    }

    @Test
    void transportReplacesTheJdkMessageForAnInvalidHeader() {
        HexclaveRequest request = new HexclaveRequest("GET", URI.create(hexclave.apiUrl() + "/api/v1/users/me"),
                Map.of("x-hexclave-refresh-token", REFRESH + "\r\n"), null, Duration.ofSeconds(1));
        try (JdkHttpTransport transport = new JdkHttpTransport(Duration.ofSeconds(1))) {
            Throwable e = catchThrowable(() -> RequestSender.await(transport.send(request)));

            assertThat(e).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("GET /api/v1/users/me");
            assertNoSecret(e, REFRESH);
        }
    }

    private static void assertNoSecret(Throwable e, String secret) {
        List<String> texts = new ArrayList<>();
        for (Throwable t = e; t != null; t = t.getCause()) {
            texts.add(String.valueOf(t.getMessage()));
            texts.add(t.toString());
            for (Throwable s : t.getSuppressed()) {
                texts.add(s.toString());
            }
        }
        assertThat(texts).noneMatch(t -> t.contains(secret));
    }
}
