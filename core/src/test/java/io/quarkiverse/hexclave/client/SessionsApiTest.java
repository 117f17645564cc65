package io.quarkiverse.hexclave.client;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.quarkiverse.hexclave.client.HexclaveStub.PROJECT_ID;
import static io.quarkiverse.hexclave.client.HexclaveStub.SECRET_SERVER_KEY;
import static io.quarkiverse.hexclave.client.HexclaveStub.USER_ID;
import static io.quarkiverse.hexclave.client.HexclaveStub.json;
import static io.quarkiverse.hexclave.client.HexclaveStub.knownError;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkiverse.hexclave.client.error.AccessTokenExpiredException;
import io.quarkiverse.hexclave.client.error.CannotDeleteCurrentSessionException;
import io.quarkiverse.hexclave.client.error.RefreshTokenNotFoundOrExpiredException;
import io.quarkiverse.hexclave.client.error.UserIdDoesNotExistException;
import io.quarkiverse.hexclave.client.model.CreateSessionRequest;
import io.quarkiverse.hexclave.client.model.Session;
import io.quarkiverse.hexclave.client.model.SessionTokens;
import io.quarkiverse.hexclave.config.HexclaveSettings;
import io.quarkiverse.hexclave.config.Secret;

class SessionsApiTest {

    private static final String SESSION_ID = "9a3b0c52-1f7e-4a38-9f0e-0c1d2e3f4a5b";
    private static final String REFRESH = "rt_opaque_refresh_token_value_0123456789";

    private final HexclaveStub hexclave = new HexclaveStub();
    private final HexclaveClient client = hexclave.client();

    @AfterEach
    void stop() {
        client.close();
        hexclave.close();
    }

    @Test
    void createReturnsBothTokensAsSecrets() {
        String access = HexclaveStub.accessToken();
        hexclave.server.stubFor(post("/api/v1/auth/sessions")
                .willReturn(json(200, "{\"refresh_token\":\"" + REFRESH + "\",\"access_token\":\"" + access + "\"}")));

        SessionTokens tokens = client.sessions().create(CreateSessionRequest.forUser(USER_ID)
                .expiresIn(Duration.ofDays(30)).impersonation(true).build());

        assertThat(tokens.refreshToken().value()).isEqualTo(REFRESH);
        assertThat(tokens.accessToken().value()).isEqualTo(access);
        assertThat(tokens.toString()).doesNotContain(REFRESH).doesNotContain(access);
        hexclave.server.verify(UsersApiTest.serverHeaders(postRequestedFor(urlEqualTo("/api/v1/auth/sessions")))
                .withRequestBody(equalToJson("{\"user_id\":\"" + USER_ID + "\",\"expires_in_millis\":2592000000,\"is_impersonation\":true}")));
    }

    @Test
    void createWithDefaultsSendsOnlyTheUserId() {
        hexclave.server.stubFor(post("/api/v1/auth/sessions")
                .willReturn(json(200, "{\"refresh_token\":\"r\",\"access_token\":\"a.b.c\"}")));

        client.sessions().create(USER_ID);

        hexclave.server.verify(postRequestedFor(urlEqualTo("/api/v1/auth/sessions"))
                .withRequestBody(equalToJson("{\"user_id\":\"" + USER_ID + "\"}")));
    }

    @Test
    void createForAnUnknownUserThrowsUserIdDoesNotExist() {
        hexclave.server.stubFor(post("/api/v1/auth/sessions").willReturn(knownError(400, "USER_ID_DOES_NOT_EXIST")));

        assertThatThrownBy(() -> client.sessions().create(USER_ID)).isInstanceOf(UserIdDoesNotExistException.class);
    }

    @Test
    void sessionLifetimeBeyond367DaysIsRefusedBeforeSending() {
        assertThatThrownBy(() -> CreateSessionRequest.forUser(USER_ID).expiresIn(Duration.ofDays(368)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refreshSendsTheRefreshTokenAndNeverAnAccessToken() {
        String access = HexclaveStub.accessToken();
        hexclave.server.stubFor(post("/api/v1/auth/sessions/current/refresh")
                .willReturn(json(200, "{\"access_token\":\"" + access + "\"}")));

        Secret fresh = client.sessions().refresh(new Secret(REFRESH));

        assertThat(fresh.value()).isEqualTo(access);
        hexclave.server.verify(postRequestedFor(urlEqualTo("/api/v1/auth/sessions/current/refresh"))
                .withHeader("x-hexclave-project-id", equalTo(PROJECT_ID))
                .withHeader("x-hexclave-access-type", equalTo("server"))
                .withHeader("x-hexclave-secret-server-key", equalTo(SECRET_SERVER_KEY))
                .withHeader("x-hexclave-refresh-token", equalTo(REFRESH))
                .withHeader("x-hexclave-access-token", absent())
                .withHeader("x-stack-access-token", absent()));
    }

    @Test
    void refreshWithClientAccessWorksWithOnlyAProjectId() {
        hexclave.server.stubFor(post("/api/v1/auth/sessions/current/refresh").willReturn(json(200, "{\"access_token\":\"a.b.c\"}")));
        HexclaveSettings clientOnly = HexclaveSettings.builder(PROJECT_ID).apiUrl(hexclave.apiUrl()).build();

        try (HexclaveClient c = hexclave.client(clientOnly)) {
            assertThat(c.sessions().refresh(new Secret(REFRESH)).value()).isEqualTo("a.b.c");
        }
        hexclave.server.verify(postRequestedFor(urlEqualTo("/api/v1/auth/sessions/current/refresh"))
                .withHeader("x-hexclave-access-type", equalTo("client"))
                .withHeader("x-hexclave-publishable-client-key", absent())
                .withHeader("x-hexclave-secret-server-key", absent()));
    }

    @Test
    void refreshOfADeadSessionThrowsRefreshTokenNotFoundOrExpired() {
        hexclave.server.stubFor(post("/api/v1/auth/sessions/current/refresh")
                .willReturn(knownError(401, "REFRESH_TOKEN_NOT_FOUND_OR_EXPIRED")));

        assertThatThrownBy(() -> client.sessions().refresh(new Secret(REFRESH)))
                .isInstanceOf(RefreshTokenNotFoundOrExpiredException.class).hasMessageNotContaining(REFRESH);
    }

    @Test
    void signOutDeletesTheCurrentSessionWithTheAccessToken() {
        String access = HexclaveStub.accessToken();
        hexclave.server.stubFor(delete("/api/v1/auth/sessions/current").willReturn(json(200, "{\"success\":true}")));

        client.sessions().signOut(new Secret(access));

        hexclave.server.verify(deleteRequestedFor(urlEqualTo("/api/v1/auth/sessions/current"))
                .withHeader("x-hexclave-access-token", equalTo(access)));
    }

    @Test
    void signOutWithAnExpiredTokenThrowsAccessTokenExpired() {
        hexclave.server.stubFor(delete("/api/v1/auth/sessions/current").willReturn(knownError(401, "ACCESS_TOKEN_EXPIRED")));

        assertThatThrownBy(() -> client.sessions().signOut(new Secret("a.b.c"))).isInstanceOf(AccessTokenExpiredException.class);
    }

    @Test
    void listReadsSessionsIncludingAgentNameAndIpInfo() {
        hexclave.server.stubFor(get(urlEqualTo("/api/v1/auth/sessions?user_id=" + USER_ID)).willReturn(json(200, """
                {"items":[
                  {"id":"%s","user_id":"%s","created_at":1735603200000,"last_used_at":1735603500000,
                   "is_impersonation":false,"agent_name":null,"is_current_session":false,
                   "last_used_at_end_user_ip_info":{"ip":"203.0.113.7","countryCode":"US","regionCode":"CA",
                     "cityName":"San Francisco","latitude":37.77,"longitude":-122.42,"tzIdentifier":"America/Los_Angeles"}},
                  {"id":"00000000-0000-4000-8000-000000000009","user_id":"%s","created_at":1735600000000,
                   "is_impersonation":false,"agent_name":"claude"}
                ],"is_paginated":false}""".formatted(SESSION_ID, USER_ID, USER_ID))));

        List<Session> sessions = client.sessions().list(USER_ID);

        assertThat(sessions).hasSize(2);
        Session first = sessions.get(0);
        assertThat(first.id()).isEqualTo(SESSION_ID);
        assertThat(first.createdAtInstant()).isEqualTo(Instant.ofEpochMilli(1735603200000L));
        assertThat(first.lastUsedAtInstant()).contains(Instant.ofEpochMilli(1735603500000L));
        assertThat(first.isCurrentSession()).isFalse();
        assertThat(first.lastUsedAtEndUserIpInfo().countryCode()).isEqualTo("US");
        assertThat(first.lastUsedAtEndUserIpInfo().cityName()).isEqualTo("San Francisco");
        assertThat(first.lastUsedAtEndUserIpInfo().latitude()).isEqualTo(37.77);
        assertThat(first.lastUsedAtEndUserIpInfo().tzIdentifier()).isEqualTo("America/Los_Angeles");
        Session second = sessions.get(1);
        assertThat(second.agentName()).isEqualTo("claude");
        assertThat(second.lastUsedAt()).isNull();
        assertThat(second.isCurrentSession()).isNull();
        assertThat(second.lastUsedAtEndUserIpInfo()).isNull();
        hexclave.server.verify(UsersApiTest.serverHeaders(getRequestedFor(urlEqualTo("/api/v1/auth/sessions?user_id=" + USER_ID))));
    }

    @Test
    void revokeAlwaysSendsTheUserId() {
        hexclave.server.stubFor(delete(urlEqualTo("/api/v1/auth/sessions/" + SESSION_ID + "?user_id=" + USER_ID))
                .willReturn(json(200, "{\"success\":true}")));

        client.sessions().revoke(SESSION_ID, USER_ID);

        hexclave.server.verify(UsersApiTest.serverHeaders(
                deleteRequestedFor(urlEqualTo("/api/v1/auth/sessions/" + SESSION_ID + "?user_id=" + USER_ID))));
        assertThatThrownBy(() -> client.sessions().revoke(SESSION_ID, "")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void revokingTheCurrentSessionThrowsCannotDeleteCurrentSession() {
        hexclave.server.stubFor(delete(urlEqualTo("/api/v1/auth/sessions/" + SESSION_ID + "?user_id=" + USER_ID))
                .willReturn(knownError(400, "CANNOT_DELETE_CURRENT_SESSION")));

        assertThatThrownBy(() -> client.sessions().revoke(SESSION_ID, USER_ID))
                .isInstanceOf(CannotDeleteCurrentSessionException.class);
    }
}
